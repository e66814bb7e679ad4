import LKOLanguage
import LKOCalendar

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

    public static func compile(_ parsed: ParsedPolicy, options: CompileOptions = CompileOptions()) -> Compilation {
        var resolver = Resolver(parsed: parsed)
        resolver.computeVersion = options.version
        let resolved = resolver.resolve()
        var diagnostics = parsed.diagnostics + resolver.diagnostics
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
                diagnostics.append(Diagnostic(.emptyPolicy, "internal error while indexing the policy: \(error)", at: .none, help: "please report this with the policy that caused it"))
            }
        }
        return Compilation(
            sources: parsed.sources,
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
    /// subjects (a login, rule id, role id or node path, written in backticks in its message).
    public static func matches(_ row: AcceptanceRow, _ diagnostic: Diagnostic) -> Bool {
        diagnostic.code.rawValue == row.code && row.subjects.contains { diagnostic.message.contains("`\($0)`") }
    }

    /// Splits lint findings into the accepted and the rest; an acceptance that matches nothing
    /// is itself a warning (W0510).
    public static func apply(_ rows: [AcceptanceRow], spans: [SourceSpan], to findings: [Diagnostic]) -> (remaining: [Diagnostic], accepted: [AcceptedFinding]) {
        guard !rows.isEmpty else { return (findings, []) }
        var remaining: [Diagnostic] = []
        var accepted: [AcceptedFinding] = []
        var used = Set<Int>()
        for finding in findings {
            if let index = rows.firstIndex(where: { matches($0, finding) }) {
                used.insert(index)
                accepted.append(AcceptedFinding(diagnostic: finding, reason: rows[index].reason, position: rows[index].position))
            } else {
                remaining.append(finding)
            }
        }
        for (index, row) in rows.enumerated() where !used.contains(index) {
            let span = index < spans.count ? spans[index] : .none
            remaining.append(Diagnostic(.unusedAcceptance, "the acceptance of \(row.code) for " + row.subjects.map { "`\($0)`" }.joined(separator: ", ") + " matches no finding", at: span, label: "accepts nothing", help: "the finding was fixed: remove this `accept` line"))
        }
        return (remaining, accepted)
    }
}
