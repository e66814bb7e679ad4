import LKOMessages

/// How bad a finding is. Warnings become errors under `lko check --strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }

    /// `ошибка` / `error`: the word before `[CODE]` in rendered text.
    public var word: Message { Message(self == .error ? .diagSeverityError : .diagSeverityWarning) }
}

/// One finding about a policy: what is wrong, where, and how to fix it.
///
/// Every diagnostic carries a stable ``DiagnosticCode`` (documented with an example in
/// `docs/diagnostics.md`), a primary span with a short label shown under the caret, and a help
/// line. Misspelled names add a "did you mean" suggestion to the help.
///
/// The texts are catalog messages (``Message``: a key and its arguments), not strings: they are
/// rendered in a language only where a person reads them (``DiagnosticRenderer``,
/// ``DiagnosticRecord``, ``text(in:)``), so a policy with thousands of findings builds no text it
/// does not show. The code, severity and spans are the same in every language.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var span: SourceSpan
    /// What is wrong.
    public var text: Message
    /// Shown under the caret, e.g. "not declared".
    public var labelText: Message?
    /// How to fix it.
    public var helpText: Message?
    /// Related places, e.g. the first declaration of a duplicate.
    public var notes: [Note]

    public struct Note: Sendable, Hashable {
        public var text: Message
        public var span: SourceSpan?

        public init(_ text: Message, at span: SourceSpan? = nil) {
            self.text = text
            self.span = span
        }

        /// A note whose text is given as is, in no particular language (as the diagnostic's
        /// verbatim initializer).
        public init(_ message: String, at span: SourceSpan? = nil) {
            self.init(Message(.verbatim, ["text": .text(message)]), at: span)
        }

        /// The English text (see ``Diagnostic/message``).
        public var message: String { text.render(.en) }

        public func message(in language: Language) -> String { text.render(language) }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(text.key)
            hasher.combine(span)
        }
    }

    public init(
        _ code: DiagnosticCode,
        _ text: Message,
        at span: SourceSpan,
        label: Message? = nil,
        help: Message? = nil,
        notes: [Note] = [],
        severity: Severity? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.text = text
        self.span = span
        self.labelText = label
        self.helpText = help
        self.notes = notes
    }

    /// A diagnostic whose texts are given as is, in no particular language: for tools and tests
    /// that compare findings with texts of their own. Everything lko itself reports uses the
    /// catalog (a test checks that no emitted diagnostic is verbatim).
    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at span: SourceSpan,
        label: String? = nil,
        help: String? = nil,
        notes: [Note] = [],
        severity: Severity? = nil
    ) {
        func verbatim(_ text: String) -> Message { Message(.verbatim, ["text": .text(text)]) }
        self.init(code, verbatim(message), at: span, label: label.map(verbatim), help: help.map(verbatim), notes: notes, severity: severity)
    }

    /// The English text: stable whatever `LKO_LANG` says, for logs, matching findings (an
    /// acceptance's subjects, a review's findings) and tests. What a person reads is rendered in
    /// their language: ``message(in:)``, ``DiagnosticRenderer``.
    public var message: String { text.render(.en) }
    /// The English label (see ``message``).
    public var label: String? { labelText?.render(.en) }
    /// The English help (see ``message``).
    public var help: String? { helpText?.render(.en) }

    public func message(in language: Language) -> String { text.render(language) }
    public func label(in language: Language) -> String? { labelText?.render(language) }
    public func help(in language: Language) -> String? { helpText?.render(language) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(severity)
        hasher.combine(span)
        hasher.combine(text.key)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Sorted by file, then position, then code: the order users read them in, and stable for
    /// golden files.
    public func sortedBySource() -> [Diagnostic] {
        sorted { lhs, rhs in
            if lhs.span.file != rhs.span.file { return lhs.span.file < rhs.span.file }
            if lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
            return lhs.code.rawValue < rhs.code.rawValue
        }
    }
}
