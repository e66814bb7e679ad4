import Foundation
import Testing
import LKOMessages
@testable import LKOLanguage

@Suite struct LexerTests {
    private func kinds(_ text: String) -> [TokenKind] {
        Support.tokens(text).tokens.map(\.kind)
    }

    @Test func everyTokenKind() {
        let (tokens, diagnostics) = Support.tokens("roads_1 cat00-s1 \"Дороги\" 30 2026-03-02 { } , . ; ")
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .string, .integer, .date, .leftBrace, .rightBrace, .comma, .dot, .invalid, .endOfFile])
        #expect(tokens.map(\.text) == ["roads_1", "cat00-s1", "Дороги", "30", "2026-03-02", "{", "}", ",", ".", ";", ""])
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
        #expect(diagnostics.first?.help == "statements need no `;` — remove it")
        // Spans are byte offsets: the Cyrillic string takes 2 bytes per letter plus quotes.
        #expect(tokens[2].span.start == 17)
        #expect(tokens[2].span.end == 17 + 2 + 12)
    }

    @Test func endOfFileIsAlwaysLastAndUnique() {
        for text in ["", " ", "\n\n", "# only a comment", "a"] {
            let tokens = Support.tokens(text).tokens
            #expect(tokens.last?.kind == .endOfFile)
            #expect(tokens.filter { $0.kind == .endOfFile }.count == 1)
            #expect(tokens.last?.span.start == text.utf8.count)
        }
    }

    @Test func trailingDashIsNotPartOfAName() {
        let (tokens, diagnostics) = Support.tokens("a- b")
        #expect(tokens.map(\.text) == ["a", "-", "b", ""])
        #expect(tokens[1].kind == .invalid)
        #expect(diagnostics.map(\.message) == ["unexpected `-`"])
    }

    @Test func commentsAreLeadingAndTrailingTrivia() {
        let text = """
        # header
        // second

        grant a to b # trailing hash
        grant c to d // trailing slashes
        # before end
        """
        let (tokens, diagnostics) = Support.tokens(text)
        #expect(diagnostics.isEmpty)
        let first = tokens[0]
        #expect(first.text == "grant")
        #expect(first.leadingComments.map(\.text) == [" header", " second"])
        #expect(first.leadingComments.map(\.blankLineBefore) == [false, false])
        #expect(first.blankLineBefore == true)
        #expect(tokens[3].text == "b")
        #expect(tokens[3].trailingComment?.text == " trailing hash")
        #expect(tokens[7].trailingComment?.text == " trailing slashes")
        #expect(tokens.last?.kind == .endOfFile)
        #expect(tokens.last?.leadingComments.map(\.text) == [" before end"])
        #expect(tokens[4].startsLine == true)
        #expect(tokens[5].startsLine == false)
    }

    @Test func blankLinesBetweenComments() {
        let (tokens, _) = Support.tokens("a\n\n# one\n# two\n\n# three\nb")
        let b = tokens[1]
        #expect(b.leadingComments.map(\.text) == [" one", " two", " three"])
        #expect(b.leadingComments.map(\.blankLineBefore) == [true, false, true])
        #expect(b.blankLineBefore == false)
        let (plain, _) = Support.tokens("a\n\n\n\nb")
        #expect(plain[1].blankLineBefore == true)
        let (adjacent, _) = Support.tokens("a\nb")
        #expect(adjacent[1].blankLineBefore == false)
    }

    @Test func stringEscapes() {
        let (tokens, diagnostics) = Support.tokens(#""a\"b\\c\nd\te""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].text == "a\"b\\c\nd\te")
    }

    @Test func unknownEscapeIsReportedAndKept() {
        let (tokens, diagnostics) = Support.tokens(#""a\qb""#)
        #expect(tokens[0].text == "aqb")
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
        #expect(diagnostics[0].message == "unknown escape `\\q` in a string")
        #expect(diagnostics[0].span.start == 2)
        #expect(diagnostics[0].span.end == 4)
    }

    @Test func unterminatedStringStopsAtTheLineEnd() {
        let (tokens, diagnostics) = Support.tokens("\"abc\ngrant")
        #expect(tokens.map(\.kind) == [.string, .identifier, .endOfFile])
        #expect(tokens[0].text == "abc")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(diagnostics[0].span.start == 0)
        #expect(diagnostics[0].span.end == 4)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2025-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
        ("2026-12-31", true), ("2026-13-01", false), ("2026-04-31", false), ("2026-00-10", false),
        ("0000-01-01", false), ("2026-1-01", false), ("2026-01-001", false), ("2026-01-01-01", false),
    ])
    func dates(_ text: String, _ valid: Bool) {
        let (tokens, diagnostics) = Support.tokens(text)
        #expect(tokens.count == 2)
        if valid {
            #expect(tokens[0].kind == .date)
            #expect(diagnostics.isEmpty)
        } else {
            #expect(tokens[0].kind == .invalid)
            #expect(diagnostics.map(\.code) == [.invalidDate])
            #expect(diagnostics[0].span == tokens[0].span)
        }
    }

    @Test func numbers() {
        #expect(Support.tokens("999999999").tokens[0].kind == .integer)
        let (huge, diagnostics) = Support.tokens("1234567890")
        #expect(huge[0].kind == .invalid)
        #expect(diagnostics.map(\.code) == [.invalidNumber])
        #expect(diagnostics[0].message == "number `1234567890` is too large")
        // A number of a million digits is reported once, with a bounded message.
        let long = String(repeating: "9", count: 1_000_000)
        let (tokens, longDiagnostics) = Support.tokens(long)
        #expect(tokens.count == 2)
        #expect(longDiagnostics.count == 1)
        #expect(longDiagnostics[0].message.count < 60)
        let (name, nameDiagnostics) = Support.tokens("3roads")
        #expect(name[0].kind == .invalid)
        #expect(nameDiagnostics.map(\.message) == ["`3roads` is not a number"])
    }

    @Test func nulByte() {
        let (tokens, diagnostics) = Support.tokens(bytes: Array("a\u{0}b".utf8))
        #expect(tokens.map(\.kind) == [.identifier, .invalid, .identifier, .endOfFile])
        #expect(diagnostics.map(\.message) == ["unexpected NUL byte"])
        #expect(diagnostics[0].span == SourceSpan(file: 0, start: 1, end: 2))
    }

    @Test func controlCharacter() {
        let (_, diagnostics) = Support.tokens(bytes: [0x61, 0x07, 0x62])
        #expect(diagnostics.map(\.message) == ["unexpected control character U+7"])
    }

    @Test func typographicQuotesGetSpecificHelp() {
        let (_, diagnostics) = Support.tokens("«Дороги»")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unexpected `«Дороги»`")
        #expect(diagnostics.allSatisfy { $0.help == "use straight double quotes `\"` around titles" })
    }

    @Test func invalidUTF8ReportsTheFirstBadByte() {
        var bytes = Array("grant a to b\n# ok\n\"x".utf8)
        let firstBad = bytes.count
        bytes += [0xC3, 0x28, 0x22, 0xFF]
        let (tokens, diagnostics) = Support.tokens(bytes: bytes)
        #expect(diagnostics.first?.code == .invalidUTF8)
        #expect(diagnostics.first?.span.start == firstBad)
        #expect(diagnostics.filter { $0.code == .invalidUTF8 }.count == 1)
        #expect(tokens.last?.kind == .endOfFile)
        #expect(SourceFile.firstInvalidUTF8Offset(Array("ок".utf8)) == nil)
        // Overlong encodings and surrogates are invalid too.
        #expect(SourceFile.firstInvalidUTF8Offset([0x41, 0xC0, 0x80]) == 1)
        #expect(SourceFile.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]) == 0)
        #expect(SourceFile.firstInvalidUTF8Offset([0x41, 0x42, 0xE2, 0x82]) == 2)
        #expect(SourceFile.firstInvalidUTF8Offset([0xF4, 0x90, 0x80, 0x80]) == 0)
    }

    @Test func crlfLineEndings() {
        let text = "grant a to b # note\r\n\r\ngrant c to d\r\n"
        let (tokens, diagnostics) = Support.tokens(text)
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text) == ["grant", "a", "to", "b", "grant", "c", "to", "d", ""])
        #expect(tokens[3].trailingComment?.text == " note")
        #expect(tokens[4].blankLineBefore == true)
        #expect(tokens[4].startsLine == true)
        let file = SourceFile(path: "x", text: text)
        #expect(file.lineText(1) == "grant a to b # note")
        #expect(file.location(of: tokens[4].span.start) == LKOLanguage.SourceLocation(line: 3, column: 1, offset: 23))
        // CRLF files format to LF and keep their meaning.
        #expect(Support.format(text) == "grant a to b # note\n\ngrant c to d\n")
    }

    @Test(.timeLimit(.minutes(1)))
    func tenMegabyteLine() {
        // One 10 MB line of names ending in an error: linear time, one diagnostic, bounded output.
        var text = String(repeating: "grant ", count: 10 * 1024 * 1024 / 6)
        text += "§"
        let (tokens, diagnostics) = Support.tokens(text)
        #expect(tokens.count == 10 * 1024 * 1024 / 6 + 2)
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
        let sources = Support.sourceSet(text)
        let rendered = DiagnosticRenderer(sources: sources, language: .en).render(diagnostics)
        #expect(rendered.count < 600)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3].hasPrefix("1 | …rant grant "))
        #expect(lines[3].hasSuffix(" grant §"))
        #expect(lines[4] == "  | " + String(repeating: " ", count: 120) + "^ not part of the policy language")
        // In Russian the caret stands where it stood; only the label after it differs.
        let russian = DiagnosticRenderer(sources: sources, language: .ru).render(diagnostics).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(russian[3] == lines[3])
        #expect(russian[4] == "  | " + String(repeating: " ", count: 120) + "^ не входит в язык политики")
        #expect(rendered.contains("--> test.lko:1:\(10 * 1024 * 1024 / 6 * 6 + 1)"))
        let (_, parseDiagnostics) = Support.parse(text)
        #expect(parseDiagnostics.count >= 2)
        // Speed is measured by benchmarks, not asserted here; finishing at all is the point.
    }

    @Test func columnsCountScalars() {
        let file = SourceFile(path: "x", text: "ёж\n  \"Дороги\" x")
        let offset = Array(file.text.utf8).lastIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == LKOLanguage.SourceLocation(line: 2, column: 12, offset: offset))
        #expect(file.location(of: 10_000).offset == file.utf8.count)
        #expect(file.lineText(0) == "")
        #expect(file.lineText(3) == "")
    }
}
