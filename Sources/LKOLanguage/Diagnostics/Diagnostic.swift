/// How bad a finding is. Warnings become errors under `lko check --strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding about a policy: what is wrong, where, and how to fix it.
///
/// Every diagnostic carries a stable ``DiagnosticCode`` (documented with an example in
/// `docs/diagnostics.md`), a primary span with a short label shown under the caret, and a help
/// line. Misspelled names add a "did you mean" suggestion to the help.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var span: SourceSpan
    /// Shown under the caret, e.g. "not declared".
    public var label: String?
    /// How to fix it.
    public var help: String?
    /// Related places, e.g. the first declaration of a duplicate.
    public var notes: [Note]

    public struct Note: Sendable, Hashable {
        public var message: String
        public var span: SourceSpan?

        public init(_ message: String, at span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at span: SourceSpan,
        label: String? = nil,
        help: String? = nil,
        notes: [Note] = [],
        severity: Severity? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.span = span
        self.label = label
        self.help = help
        self.notes = notes
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
