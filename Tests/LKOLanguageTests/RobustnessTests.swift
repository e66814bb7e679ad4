import Foundation
import Testing
@testable import LKOLanguage

/// Seeded random inputs: the lexer, parser, formatter and renderer never crash, always finish, and
/// every diagnostic points inside its file.
@Suite struct RobustnessTests {
    /// SplitMix64: small, fast and the same on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let vocabulary: [String] = Parser.topLevelKeywords + [
        "subcategory", "fact", "term", "accelerated", "allow", "on", "any", "granted", "assigned", "and",
        "to", "from", "until", "priority", "when", "assign", "leave", "coordinator", "expect", "route",
        "case", "via", "at", "allow", "deny", "year", "day_off", "workday", "timezone", "deadline",
        "calendar", "working", "days", "day", "category", "regime", "channel", "source", "locality",
        "roads", "roads.potholes", "x", "{", "}", "{", "}", ",", ".", "\"Дороги\"", "\"", "\"\\q",
        "30", "0", "9999999999", "2026-03-02", "2025-02-29", "#c", "//c", "\n", "\n", "\n", "\n\n",
        "\r\n", ";", "«", "Дороги", "\u{0}", "-", "a-", "3x",
    ]

    static func check(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = SourceFile(path: "fuzz.lko", bytes: bytes)
        let sources = SourceSet(files: [file])
        let parsed = ParsedPolicy(sources: sources)
        for diagnostic in parsed.diagnostics {
            #expect(diagnostic.span.file == 0, sourceLocation: sourceLocation)
            #expect(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end, sourceLocation: sourceLocation)
            #expect(diagnostic.span.end <= file.utf8.count, "\(diagnostic.code.rawValue) \(diagnostic.span) past \(file.utf8.count)", sourceLocation: sourceLocation)
        }
        let rendered = DiagnosticRenderer(sources: sources).render(parsed.diagnostics)
        #expect(parsed.diagnostics.isEmpty == rendered.isEmpty, sourceLocation: sourceLocation)
        // Clean input also formats to text that parses cleanly to the same tree.
        if !parsed.diagnostics.hasErrors {
            let formatted = PolicyFormatter().format(parsed.files[0])
            let reparsed = Support.parse(formatted)
            #expect(reparsed.diagnostics.isEmpty, "\(formatted)", sourceLocation: sourceLocation)
            #expect(StructuralDump.dump(reparsed.file) == StructuralDump.dump(parsed.files[0]), sourceLocation: sourceLocation)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func randomBytes() {
        var generator = SeededGenerator(state: 0x4C4B_4F31)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            Self.check(bytes)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func randomTokenSoup() {
        var generator = SeededGenerator(state: 2026_03_02)
        var clean = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            let bytes = Array(text.utf8)
            if !Support.parse(text).diagnostics.hasErrors { clean += 1 }
            Self.check(bytes)
        }
        // The soup is not all errors: some inputs are valid (empty or comment-only at least).
        #expect(clean > 0)
    }

    /// Mutations of the real policy: delete, duplicate or swap tokens-worth of bytes.
    @Test(.timeLimit(.minutes(2)))
    func mutatedPolicy() throws {
        var generator = SeededGenerator(state: 78)
        let texts = try Support.policyFiles().map { Array($0.text.utf8) }
        for _ in 0..<600 {
            var bytes = texts.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...12, using: &generator)))
                case 1: bytes.insert(contentsOf: Array(Self.vocabulary.randomElement(using: &generator)!.utf8), at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            Self.check(bytes)
        }
    }

    @Test func deeplyNestedBracesTerminate() {
        let text = String(repeating: "{", count: 50_000) + String(repeating: "}", count: 50_000)
        let (_, diagnostics) = Support.parse(text)
        #expect(diagnostics.map(\.code) == [.unknownDeclaration])
        let braces = String(repeating: "category a \"A\" {\n", count: 2_000)
        let (_, nested) = Support.parse(braces)
        #expect(!nested.isEmpty)
        Self.check(Array(braces.utf8))
    }
}
