import Foundation
import LKOMessages

/// Turns diagnostics into the text a person reads in a terminal, rustc-style, in a language:
///
/// ```
/// ошибка[E0104]: неизвестная категория `road`
///   --> Policies/grants.lko:12:39
///    |
/// 12 | grant executor to roads_specialist on road
///    |                                       ^^^^ нет в классификаторе
///    = подсказка: возможно, вы имели в виду `roads`?
/// ```
///
/// (`LKO_LANG=en`: `error[E0104]: unknown category `road``, `not declared`, `= help: did you
/// mean `roads`?`.) The code, the position and the source excerpt are the same in every
/// language; the caret counts Unicode scalars of the source line, and the label follows it, so
/// Cyrillic in either does not shift it.
///
/// Very long lines (a 10 MB line is valid input) are cut to a window around the caret so the
/// output stays readable and bounded.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceSet
    public var useColor: Bool
    /// The language of the texts; Russian unless `LKO_LANG=en` (``Language/current``).
    public var language: Language
    /// Widest source excerpt shown, in Unicode scalars.
    public var maximumExcerptWidth = 120

    public init(sources: SourceSet, useColor: Bool = false, language: Language = .current) {
        self.sources = sources
        self.useColor = useColor
        self.language = language
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let severityText = diagnostic.severity.word.render(language)
        out += paint("\(severityText)[\(diagnostic.code.rawValue)]", diagnostic.severity == .error ? "31;1" : "33;1")
        out += paint(": \(diagnostic.message(in: language))", "1") + "\n"
        // The gutter is as wide as the line number, so every `|` and `=` lines up.
        let lineNumber = sources.file(of: diagnostic.span).map { String($0.location(of: diagnostic.span.start).line) } ?? ""
        let gutter = String(repeating: " ", count: lineNumber.count)
        out += excerpt(for: diagnostic.span, label: diagnostic.label(in: language), gutter: gutter)
        let noteWord = Messages.template(.diagNoteWord, language)
        for note in diagnostic.notes {
            if let span = note.span, !span.isNone {
                out += "\(gutter) = \(noteWord): \(note.message(in: language)) (\(sources.position(of: span)))\n"
            } else {
                out += "\(gutter) = \(noteWord): \(note.message(in: language))\n"
            }
        }
        if let help = diagnostic.help(in: language) {
            out += "\(gutter) = " + paint(Messages.template(.diagHelpWord, language), "36;1") + ": \(help)\n"
        }
        return out
    }

    private func excerpt(for span: SourceSpan, label: String?, gutter: String) -> String {
        guard let file = sources.file(of: span) else {
            return "\(gutter)--> \(Messages.template(.diagNoLocation, language))\n"
        }
        let start = file.location(of: span.start)
        let end = file.location(of: span.end)
        var out = "\(gutter)--> \(file.path):\(start.line):\(start.column)\n"
        let lineNumber = String(start.line)
        // Only the shown window of the line is decoded, so one diagnostic costs O(window) and not
        // O(line): a long line with thousands of findings must not take quadratic time.
        let line = file.lineBounds(start.line)
        let lineScalarStart = file.scalarCount(before: line.lowerBound)
        let scalarCount = file.scalarCount(before: line.upperBound) - lineScalarStart
        let caretStart = start.column - 1
        let caretLength = max(1, end.line == start.line ? end.column - start.column : scalarCount - caretStart)
        // Window the line so the caret is visible and the excerpt is bounded.
        var windowStart = 0
        if scalarCount > maximumExcerptWidth {
            windowStart = max(0, min(caretStart - maximumExcerptWidth / 3, scalarCount - maximumExcerptWidth))
        }
        let windowEnd = min(scalarCount, windowStart + maximumExcerptWidth)
        let windowBytes = file.offset(ofScalar: lineScalarStart + windowStart)..<file.offset(ofScalar: lineScalarStart + windowEnd)
        let scalars = String(decoding: file.utf8[windowBytes], as: UTF8.self).unicodeScalars
        var shown = String(String.UnicodeScalarView(scalars.map(printable)))
        if windowStart > 0 { shown = "…" + shown }
        if windowEnd < scalarCount { shown += "…" }
        let caretColumn = caretStart - windowStart + (windowStart > 0 ? 1 : 0)
        let visibleCaretLength = max(1, min(caretLength, maximumExcerptWidth - max(0, caretStart - windowStart)))
        out += "\(gutter) |\n"
        out += "\(lineNumber) | \(shown)\n"
        var caretLine = "\(gutter) | " + String(repeating: " ", count: max(0, caretColumn))
        caretLine += paint(String(repeating: "^", count: visibleCaretLength), "31;1")
        if let label { caretLine += " " + label }
        out += caretLine + "\n"
        return out
    }

    /// Control characters (a NUL, a tab) would shift or break the caret line; show them as one
    /// visible symbol each.
    private func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 || scalar.value == 0x7F { return "·" }
        return scalar
    }

    private func paint(_ text: String, _ sgr: String) -> String {
        useColor ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }
}

/// The machine-readable form of a diagnostic, for `--format json` (editors and CI).
///
/// The same document in every language: `code`, `severity` and the position are what tools key
/// on; the texts (`title`, `message`, `label`, `help`, `notes`) are Russian, as the service's API
/// shows them, whatever `LKO_LANG` says (docs/diagnostics.md, "JSON").
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    public var code: String
    public var severity: String
    public var title: String
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var endLine: Int?
    public var endColumn: Int?
    public var label: String?
    public var help: String?
    public var notes: [String]

    /// The texts in `language`: Russian unless a caller has a reason to ask for English.
    public init(_ diagnostic: Diagnostic, sources: SourceSet, language: Language = .ru) {
        code = diagnostic.code.rawValue
        severity = diagnostic.severity.rawValue
        title = diagnostic.code.titleMessage.render(language)
        message = diagnostic.message(in: language)
        label = diagnostic.label(in: language)
        help = diagnostic.help(in: language)
        notes = diagnostic.notes.map { note in
            if let span = note.span, !span.isNone { return "\(note.message(in: language)) (\(sources.position(of: span)))" }
            return note.message(in: language)
        }
        if let file = sources.file(of: diagnostic.span) {
            let start = file.location(of: diagnostic.span.start)
            let end = file.location(of: diagnostic.span.end)
            self.file = file.path
            line = start.line
            column = start.column
            endLine = end.line
            endColumn = end.column
        }
    }
}
