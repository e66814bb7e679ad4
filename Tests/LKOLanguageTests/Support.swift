import Foundation
import LKOMessages
@testable import LKOLanguage

/// Shared helpers for the language tests.
enum Support {
    /// `Tests/LKOLanguageTests/` in the source tree (goldens are written back here).
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root.
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let policiesDirectory = packageRoot.appendingPathComponent("Policies")
    static let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")
    static let diagnosticsFixtures = fixturesDirectory.appendingPathComponent("diagnostics")

    /// `LKO_UPDATE_GOLDEN=1 swift test --filter LKOLanguageTests` rewrites the `.expected` files.
    static var updateGoldens: Bool { ProcessInfo.processInfo.environment["LKO_UPDATE_GOLDEN"] == "1" }

    static func sourceSet(_ text: String, path: String = "test.lko") -> SourceSet {
        SourceSet(files: [SourceFile(path: path, text: text)])
    }

    static func parse(_ text: String, path: String = "test.lko") -> (file: PolicyFile, diagnostics: [Diagnostic]) {
        Parser.parse(SourceFile(path: path, text: text), fileIndex: 0)
    }

    static func tokens(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokenize(SourceFile(path: "test.lko", text: text), fileIndex: 0)
    }

    static func tokens(bytes: [UInt8]) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokenize(SourceFile(path: "test.lko", bytes: bytes), fileIndex: 0)
    }

    static func format(_ text: String) -> String {
        PolicyFormatter().format(parse(text).file)
    }

    /// Codes and 1-based lines of the diagnostics, in source order: `["E0012@3", …]`.
    static func codesAndLines(_ diagnostics: [Diagnostic], in text: String) -> [String] {
        let file = SourceFile(path: "test.lko", text: text)
        return diagnostics.sortedBySource().map { "\($0.code.rawValue)@\(file.location(of: $0.span.start).line)" }
    }

    static func render(_ diagnostics: [Diagnostic], sources: SourceSet, language: Language) -> String {
        DiagnosticRenderer(sources: sources, useColor: false, language: language).render(diagnostics.sortedBySource())
    }

    static func policyFiles() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: policiesDirectory.path)
            .filter { $0.hasSuffix(".lko") }.sorted()
        return try names.map { ($0, try String(contentsOf: policiesDirectory.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Every comment of a file in order, as written (trailing whitespace dropped).
    static func comments(_ text: String) -> [String] {
        tokens(text).tokens.flatMap { token in
            token.leadingComments.map(\.text) + (token.trailingComment.map { [$0.text] } ?? [])
        }.map(trimmedTrailing)
    }

    static func trimmedTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}

/// A span-free structural dump of a syntax tree, for "parses to the same tree" comparisons.
///
/// Skips every property named `span` or `fieldSpan`, every `SourceSpan` value and
/// `fileIndex`; also skips `blankLineBefore`, which the formatter normalizes by design (one blank
/// line between block declarations, none right after `{`). Comment text is compared without
/// trailing whitespace, which the formatter trims. Comments themselves stay in the dump, so a
/// comment that moves to another statement changes it.
enum StructuralDump {
    static let skipped: Set<String> = ["span", "fieldSpan", "fileIndex", "blankLineBefore"]

    static func dump(_ value: Any) -> String {
        var out = ""
        write(value, label: nil, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: Any, label: String?, indent: Int, into out: inout String) {
        if value is SourceSpan { return }
        let pad = String(repeating: " ", count: indent)
        let prefix = pad + (label.map { "\($0): " } ?? "")
        if let comment = value as? Comment {
            out += prefix + "Comment(\(Support.trimmedTrailing(comment.text).debugDescription))\n"
            return
        }
        switch value {
        case let text as String: out += prefix + text.debugDescription + "\n"; return
        case let number as Int: out += prefix + "\(number)\n"; return
        case let flag as Bool: out += prefix + "\(flag)\n"; return
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first {
                write(child.value, label: label, indent: indent, into: &out)
            } else {
                out += prefix + "nil\n"
            }
        case .collection, .set:
            out += prefix + "[\n"
            for child in mirror.children { write(child.value, label: nil, indent: indent + 2, into: &out) }
            out += pad + "]\n"
        case .enum:
            if let child = mirror.children.first {
                out += prefix + "\(type(of: value)).\(child.label ?? "?")\n"
                write(child.value, label: nil, indent: indent + 2, into: &out)
            } else {
                out += prefix + "\(type(of: value)).\(value)\n"
            }
        case .struct, .class, .tuple:
            out += prefix + "\(type(of: value))\n"
            for child in mirror.children {
                if let name = child.label, skipped.contains(name) { continue }
                write(child.value, label: child.label, indent: indent + 2, into: &out)
            }
        default:
            out += prefix + "\(value)\n"
        }
    }
}
