import LKOLanguage
import LKOCalendar
import LKOMessages

/// Everything one compiler run produces: the tables (when there were no errors), every
/// diagnostic, and the source spans the lint pass and `lko explain` point at.
public struct Compilation: Sendable {
    public var sources: SourceSet
    public var diagnostics: [Diagnostic]
    /// Nil when the policy has errors.
    public var policy: CompiledPolicy?
    public var tests: [ResolvedTest]
    public var spans: SpanIndex
    /// Lint findings accepted in the policy (`accept … because …`): not in `diagnostics`.
    public var accepted: [AcceptedFinding] = []

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Where each compiled thing was declared, for messages that point at source.
public struct SpanIndex: Sendable {
    public var organization: SourceSpan = .none
    public var roles: [String: SourceSpan] = [:]
    /// role id + action → the `allow` line that grants it.
    public var roleActions: [String: SourceSpan] = [:]
    public var nodes: [String: SourceSpan] = [:]
    public var accelerated: [String: SourceSpan] = [:]
    /// By grant index (after canonical sorting).
    public var grants: [SourceSpan] = []
    public var autoRules: [String: SourceSpan] = [:]
    public var fastTracks: [String: SourceSpan] = [:]
    /// By substitute row index.
    public var substitutes: [SourceSpan] = []
    /// By acceptance row index.
    public var acceptances: [SourceSpan] = []

    public static func roleActionKey(_ role: String, _ action: Action, _ scope: Scope) -> String {
        "\(role)\u{1F}\(action.rawValue)\u{1F}\(scope.rawValue)"
    }
}

/// Options that change what the compiler reports, not what it builds.
public struct CompileOptions: Sendable {
    /// The date lint measures "already expired" against (the user's today, or `--at`).
    public var lintDate: CalendarDate?
    /// Run the lint pass (warnings).
    public var lint: Bool
    /// Compute `tables.version` (the SHA-256 of the canonical JSON of every table). A caller that
    /// only decides and never stores, shows or compares the version (`lko authorize`) may skip it:
    /// it is half the cost of compiling, and the tables are otherwise identical. Skipped, the
    /// version is the empty string.
    public var version: Bool

    public init(lintDate: CalendarDate? = nil, lint: Bool = true, version: Bool = true) {
        self.lintDate = lintDate
        self.lint = lint
        self.version = version
    }
}

/// The compiler's front door: source text in, tables and diagnostics out.
public enum PolicyCompiler {
    /// Parses, resolves, validates and (optionally) lints a set of files.
    public static func compile(_ sources: SourceSet, options: CompileOptions = CompileOptions()) -> Compilation {
        compile(ParsedPolicy(sources: sources), options: options)
    }

    public static func compile(_ parsed: consuming ParsedPolicy, options: CompileOptions = CompileOptions()) -> Compilation {
        // The syntax tree is handed to the resolver, which lets it go before building the tables:
        // at region scale it is larger than the tables (docs/benchmarks.md, section 4).
        let sources = parsed.sources
        let parseDiagnostics = parsed.diagnostics
        var resolver = Resolver(parsed: consume parsed)
        resolver.computeVersion = options.version
        let resolved = resolver.resolve()
        var diagnostics = parseDiagnostics + resolver.diagnostics
        var policy: CompiledPolicy?
        var accepted: [AcceptedFinding] = []
        if !diagnostics.hasErrors, let tables = resolved {
            do {
                let compiled = try CompiledPolicy(tables: tables)
                let routingErrors = RoutingValidator(policy: compiled, spans: resolver.spans).run()
                diagnostics += routingErrors
                policy = routingErrors.hasErrors ? nil : compiled
                if options.lint, policy != nil {
                    let findings = Linter(policy: compiled, spans: resolver.spans, lintDate: options.lintDate).run()
                    let split = AcceptedFinding.apply(compiled.tables.acceptances ?? [], spans: resolver.spans.acceptances, to: findings)
                    diagnostics += split.remaining
                    accepted = split.accepted
                }
            } catch {
                // The resolver validates everything the index builder relies on; reaching this is
                // a compiler bug, reported as a diagnostic rather than a crash.
                diagnostics.append(Diagnostic(.emptyPolicy, Message(.diagInternalError, ["error": .text("\(error)")]), at: .none, help: Message(.diagInternalErrorHelp)))
            }
        }
        return Compilation(
            sources: sources,
            diagnostics: diagnostics.sortedBySource(),
            policy: policy,
            tests: resolver.tests,
            spans: resolver.spans,
            accepted: accepted
        )
    }
}

/// A lint finding the policy accepts with a reason.
public struct AcceptedFinding: Sendable, Hashable {
    public var diagnostic: Diagnostic
    public var reason: String
    /// Where the `accept` line is (`file:line:col`).
    public var position: String

    /// Whether an acceptance matches a finding: the same code, and the finding names one of the
    /// subjects (a login, rule id, role id or node path, written in backticks in its English
    /// message — the same whatever language the finding is shown in).
    public static func matches(_ row: AcceptanceRow, _ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.code.rawValue == row.code else { return false }
        let message = diagnostic.message
        return row.subjects.contains { message.contains("`\($0)`") }
    }

    /// Splits lint findings into the accepted and the rest; an acceptance that matches nothing
    /// is itself a warning (W0510).
    public static func apply(_ rows: [AcceptanceRow], spans: [SourceSpan], to findings: [Diagnostic]) -> (remaining: [Diagnostic], accepted: [AcceptedFinding]) {
        guard !rows.isEmpty else { return (findings, []) }
        var remaining: [Diagnostic] = []
        var accepted: [AcceptedFinding] = []
        var used = Set<Int>()
        let codes = Set(rows.map(\.code))
        for finding in findings {
            // The English text is rendered once per finding, and only for codes some row accepts.
            guard codes.contains(finding.code.rawValue) else { remaining.append(finding); continue }
            let message = finding.message
            if let index = rows.firstIndex(where: { row in row.code == finding.code.rawValue && row.subjects.contains { message.contains("`\($0)`") } }) {
                used.insert(index)
                accepted.append(AcceptedFinding(diagnostic: finding, reason: rows[index].reason, position: rows[index].position))
            } else {
                remaining.append(finding)
            }
        }
        for (index, row) in rows.enumerated() where !used.contains(index) {
            let span = index < spans.count ? spans[index] : .none
            let subjects = row.subjects.map { "`\($0)`" }.joined(separator: ", ")
            remaining.append(Diagnostic(.unusedAcceptance, Message(.lintUnusedAcceptance, ["code": .text(row.code), "subjects": .text(subjects)]), at: span, label: Message(.lintAcceptsNothing), help: Message(.lintUnusedAcceptanceHelp)))
        }
        return (remaining, accepted)
    }
}
