import Foundation
import LKOLanguage
import LKOCalendar

/// Turns the syntax of all files into canonical tables, reporting every name and value error.
///
/// Resolution runs in dependency order — organization, roles, the category tree, grants, rules,
/// calendar, tests — and keeps going after errors so that one run reports everything.
struct Resolver {
    let parsed: ParsedPolicy
    var diagnostics: [Diagnostic] = []
    var spans = SpanIndex()
    var tests: [ResolvedTest] = []
    /// See `CompileOptions.version`.
    var computeVersion = true

    // Intermediate state shared by the steps.
    var organization: OrganizationRow?
    var roles: [String: RoleRow] = [:]
    var roleActionRows: [RoleActionRow] = []
    var tree = TreeBuilder()
    var grants: [GrantRow] = []
    var autoRules: [RuleRow] = []
    var fastTracks: [RuleRow] = []
    var calendarRows: [CalendarRow] = []
    var calendarYears: [CalendarYearRow] = []
    var substituteRows: [SubstituteRow] = []
    var acceptanceRows: [AcceptanceRow] = []

    static let maximumTermDays = 60
    static let maximumAcceleratedDays = 10
    static let priorityRange = 0...1_000_000

    init(parsed: ParsedPolicy) {
        self.parsed = parsed
    }

    var sources: SourceSet { parsed.sources }

    func position(_ span: SourceSpan) -> String { sources.position(of: span) }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Resolves everything; nil when there were errors that leave no consistent tables.
    mutating func resolve() -> PolicyTables? {
        let declarations = parsed.declarations
        resolveOrganization(declarations)
        resolveRoles(declarations)
        resolveTree(declarations)
        resolveDesignatedRoles()
        resolveGrants(declarations)
        resolveRules(declarations)
        resolveCalendar(declarations)
        resolveSubstitutes(declarations)
        resolveAcceptances(declarations)
        resolveTests(declarations)
        guard let organization, !diagnostics.hasErrors else { return nil }
        return buildTables(organization: organization)
    }

    // MARK: Organization

    mutating func resolveOrganization(_ declarations: [Declaration]) {
        var found: OrganizationDeclaration?
        for case .organization(let declaration) in declarations {
            if let first = found {
                report(Diagnostic(.duplicateOrganization, "the organization is declared twice", at: declaration.title.span, label: "second declaration", help: "keep one `organization` block for the whole policy", notes: [.init("first declared here", at: first.span)]))
                continue
            }
            found = declaration
        }
        guard let declaration = found else {
            let anchor = parsed.files.first.map { SourceSpan(file: $0.fileIndex, start: 0, end: 0) } ?? .none
            report(Diagnostic(.missingOrganization, "the policy declares no organization", at: anchor, label: "in this policy", help: "add `organization \"Администрация …\" { timezone \"Europe/Moscow\" }` to one file"))
            return
        }
        spans.organization = declaration.span
        var row = OrganizationRow(
            title: declaration.title.value,
            timeZone: "Europe/Moscow",
            appealTerm: TermValue(days: 30, unit: .calendar),
            messageTerm: TermValue(days: 30, unit: .calendar),
            deadlineRule: .precedingWorkingDay,
            executorRole: "executor",
            coordinatorRole: "coordinator",
            position: position(declaration.span)
        )
        var seen: [String: SourceSpan] = [:]
        for setting in declaration.settings {
            let key: String
            switch setting.kind {
            case .timeZone(let zone):
                key = "timezone"
                if TimeZone(identifier: zone.value) == nil {
                    report(Diagnostic(.invalidTimeZone, "unknown time zone \"\(zone.value)\"", at: zone.span, label: "not an IANA time zone", help: "use an IANA name such as \"Europe/Moscow\" or \"Europe/Samara\""))
                }
                row.timeZone = zone.value
            case .term(let regimeName, let term):
                key = "term \(regimeName.name)"
                guard let regime = regime(regimeName) else { continue }
                guard let value = checkedTerm(term, accelerated: false) else { continue }
                if regime == .appeal { row.appealTerm = value } else { row.messageTerm = value }
            case .deadlineRule(let rule):
                key = "deadline"
                guard let value = DeadlineEndRuleSetting(rawValue: rule.name) else {
                    report(Diagnostic(.unknownSetting, "unknown deadline rule `\(rule.name)`", at: rule.span, label: "unknown rule", help: Suggestions.help(for: rule.name, in: DeadlineEndRuleSetting.allCases.map(\.rawValue), kind: "deadline rule")))
                    continue
                }
                row.deadlineRule = value
            case .designatedRole(let setting, let role):
                key = setting.name
                if setting.name == "executor_role" { row.executorRole = role.name } else { row.coordinatorRole = role.name }
            }
            if let first = seen[key] {
                report(Diagnostic(.duplicateName, "`\(key)` is set twice", at: setting.span, label: "second setting", help: "keep one", notes: [.init("first set here", at: first)]))
            }
            seen[key] = setting.span
        }
        organization = row
    }

    func regimeNames() -> [String] { Regime.allCases.map(\.rawValue) }

    mutating func regime(_ name: Identifier) -> Regime? {
        if let regime = Regime(rawValue: name.name) { return regime }
        report(Diagnostic(.unknownRegime, "unknown regime `\(name.name)`", at: name.span, label: "not a regime", help: Suggestions.help(for: name.name, in: regimeNames(), kind: "regime") + " (`appeal` = обращение under 59-ФЗ, `message` = сообщение)"))
        return nil
    }

    /// Checks a term's range; accelerated terms must be at most 10 calendar days (order item 10).
    mutating func checkedTerm(_ term: TermSyntax, accelerated: Bool) -> TermValue? {
        let value = TermValue(days: term.days.value, unit: term.unit == .calendar ? .calendar : .working)
        guard (1...Resolver.maximumTermDays).contains(value.days) else {
            report(Diagnostic(.termOutOfRange, "a term of \(value.days) days is out of range", at: term.days.span, label: "must be 1…\(Resolver.maximumTermDays)", help: "terms are 1 to \(Resolver.maximumTermDays) days (59-ФЗ: 30 days, plus at most 30 more by extension)"))
            return nil
        }
        return value
    }

    // MARK: Roles

    mutating func resolveRoles(_ declarations: [Declaration]) {
        for case .role(let declaration) in declarations {
            let id = declaration.id.name
            if let first = spans.roles[id] {
                report(Diagnostic(.duplicateName, "role `\(id)` is declared twice", at: declaration.id.span, label: "second declaration", help: "merge the two `role \(id)` blocks or rename one", notes: [.init("first declared here", at: first)]))
                continue
            }
            spans.roles[id] = declaration.id.span
            roles[id] = RoleRow(id: id, title: declaration.title.value, position: position(declaration.span))
            for rule in declaration.rules {
                guard let scope = Scope(words: rule.scope.text) else {
                    report(Diagnostic(.unknownScope, "unknown scope `\(rule.scope.text)`", at: rule.scope.span, label: "not a scope", help: Suggestions.help(for: rule.scope.text, in: Scope.allCases.map(\.rawValue), kind: "scope")))
                    continue
                }
                for actionName in rule.actions {
                    guard let action = Action(name: actionName.name) else {
                        report(Diagnostic(.unknownAction, "unknown action `\(actionName.name)`", at: actionName.span, label: "not an action", help: Suggestions.help(for: actionName.name, in: Action.allCases.map(\.rawValue), kind: "action")))
                        continue
                    }
                    if action.isAdministrative, scope != .any {
                        report(Diagnostic(.adminActionNeedsAnyScope, "`\(action.rawValue)` is not about one case, so it needs scope `any`", at: actionName.span, label: "used with `\(scope.rawValue)`", help: "move `\(action.rawValue)` to a separate line: `allow \(action.rawValue) on any`"))
                        continue
                    }
                    let key = SpanIndex.roleActionKey(id, action, scope)
                    if spans.roleActions[key] != nil { continue }
                    spans.roleActions[key] = rule.span
                    roleActionRows.append(RoleActionRow(role: id, action: action.rawValue, scope: scope, position: position(rule.span)))
                }
            }
        }
    }

    mutating func resolveDesignatedRoles() {
        guard var organization else { return }
        for (setting, role) in [("executor_role", organization.executorRole), ("coordinator_role", organization.coordinatorRole)] where roles[role] == nil {
            let span = spans.organization
            report(Diagnostic(.unknownRole, "the \(setting == "executor_role" ? "executor" : "coordinator") role `\(role)` is not declared", at: span, label: "in this organization", help: "declare `role \(role) \"…\" { … }` or name an existing role with `\(setting) ROLE`" + (Suggestions.closest(to: role, in: roles.keys).map { "; did you mean `\($0)`?" } ?? "")))
        }
        organization.position = position(spans.organization)
        self.organization = organization
    }

    mutating func role(_ identifier: Identifier) -> RoleRow? {
        if let row = roles[identifier.name] { return row }
        report(Diagnostic(.unknownRole, "unknown role `\(identifier.name)`", at: identifier.span, label: "not declared", help: Suggestions.help(for: identifier.name, in: Array(roles.keys), kind: "role")))
        return nil
    }
}
