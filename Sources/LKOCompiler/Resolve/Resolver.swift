import Foundation
import LKOLanguage
import LKOCalendar
import LKOMessages

/// Turns the syntax of all files into canonical tables, reporting every name and value error.
///
/// Resolution runs in dependency order — organization, roles, the category tree, grants, rules,
/// calendar, tests — and keeps going after errors so that one run reports everything.
struct Resolver {
    /// The syntax; its files are let go once resolved (``resolveDeclarations()``).
    var parsed: ParsedPolicy
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

    /// Every declaration of every file in order, read in place: `ParsedPolicy.declarations`
    /// copies them all into one array (hundreds of MB at 16× the region, while the files' own
    /// arrays are alive too).
    struct Declarations: Sequence {
        let files: [PolicyFile]

        func makeIterator() -> FlattenSequence<LazyMapSequence<[PolicyFile], [Declaration]>>.Iterator {
            files.lazy.map(\.declarations).joined().makeIterator()
        }
    }

    /// Resolves everything; nil when there were errors that leave no consistent tables.
    mutating func resolve() -> PolicyTables? {
        resolveDeclarations()
        guard let organization, !diagnostics.hasErrors else { return nil }
        return buildTables(organization: organization)
    }

    /// Every step that reads the syntax; then the syntax is let go (this resolver held the last
    /// reference when the caller handed it over), before the tables and their derived rows are built.
    private mutating func resolveDeclarations() {
        let declarations = Declarations(files: parsed.files)
        defer { parsed.files = [] }
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
    }

    // MARK: Organization

    mutating func resolveOrganization(_ declarations: Declarations) {
        var found: OrganizationDeclaration?
        for case .organization(let declaration) in declarations {
            if let first = found {
                report(Diagnostic(.duplicateOrganization, Message(.diagOrganizationTwice), at: declaration.title.span, label: Message(.diagSecondDeclaration), help: Message(.diagOrganizationTwiceHelp), notes: [.init(Message(.diagFirstDeclaredHere), at: first.span)]))
                continue
            }
            found = declaration
        }
        guard let declaration = found else {
            let anchor = parsed.files.first.map { SourceSpan(file: $0.fileIndex, start: 0, end: 0) } ?? .none
            report(Diagnostic(.missingOrganization, Message(.diagNoOrganization), at: anchor, label: Message(.diagNoOrganizationLabel), help: Message(.diagNoOrganizationHelp)))
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
                    report(Diagnostic(.invalidTimeZone, Message(.diagUnknownTimeZone, ["zone": .text(zone.value)]), at: zone.span, label: Message(.diagUnknownTimeZoneLabel), help: Message(.diagUnknownTimeZoneHelp)))
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
                    report(Diagnostic(.unknownSetting, Message(.diagUnknownDeadlineRule, ["rule": .text(rule.name)]), at: rule.span, label: Message(.diagUnknownRuleLabel), help: Suggestions.message(for: rule.name, in: DeadlineEndRuleSetting.allCases.map(\.rawValue), kind: .deadlineRule)))
                    continue
                }
                row.deadlineRule = value
            case .designatedRole(let setting, let role):
                key = setting.name
                if setting.name == "executor_role" { row.executorRole = role.name } else { row.coordinatorRole = role.name }
            }
            if let first = seen[key] {
                report(Diagnostic(.duplicateName, Message(.diagSettingTwice, ["setting": .text(key)]), at: setting.span, label: Message(.diagSecondSetting), help: Message(.diagKeepOneSetting), notes: [.init(Message(.diagFirstSetHere), at: first)]))
            }
            seen[key] = setting.span
        }
        organization = row
    }

    func regimeNames() -> [String] { Regime.allCases.map(\.rawValue) }

    mutating func regime(_ name: Identifier) -> Regime? {
        if let regime = Regime(rawValue: name.name) { return regime }
        report(Diagnostic(.unknownRegime, Message(.diagUnknownRegime, ["name": .text(name.name)]), at: name.span, label: Message(.diagNotARegime), help: Message(.diagRegimeHelp, ["suggestion": DiagnosticText.suggestion(name.name, in: regimeNames(), kind: .regime)])))
        return nil
    }

    /// Checks a term's range; accelerated terms must be at most 10 calendar days (order item 10).
    mutating func checkedTerm(_ term: TermSyntax, accelerated: Bool) -> TermValue? {
        let value = TermValue(days: term.days.value, unit: term.unit == .calendar ? .calendar : .working)
        guard (1...Resolver.maximumTermDays).contains(value.days) else {
            let maximum: Message.Argument = .text("\(Resolver.maximumTermDays)")
            report(Diagnostic(.termOutOfRange, Message(.diagTermOutOfRange, ["days": DiagnosticText.days(value.days)]), at: term.days.span, label: Message(.diagTermRangeLabel, ["maximum": maximum]), help: Message(.diagTermRangeHelp, ["maximum": maximum])))
            return nil
        }
        return value
    }

    // MARK: Roles

    mutating func resolveRoles(_ declarations: Declarations) {
        for case .role(let declaration) in declarations {
            let id = declaration.id.name
            if let first = spans.roles[id] {
                report(Diagnostic(.duplicateName, Message(.diagRoleTwice, ["role": .text(id)]), at: declaration.id.span, label: Message(.diagSecondDeclaration), help: Message(.diagRoleTwiceHelp, ["role": .text(id)]), notes: [.init(Message(.diagFirstDeclaredHere), at: first)]))
                continue
            }
            spans.roles[id] = declaration.id.span
            roles[id] = RoleRow(id: id, title: declaration.title.value, position: position(declaration.span))
            for rule in declaration.rules {
                guard let scope = Scope(words: rule.scope.text) else {
                    report(Diagnostic(.unknownScope, Message(.diagUnknownScope, ["scope": .text(rule.scope.text)]), at: rule.scope.span, label: Message(.diagNotAScope), help: Suggestions.message(for: rule.scope.text, in: Scope.allCases.map(\.rawValue), kind: .scope)))
                    continue
                }
                for actionName in rule.actions {
                    guard let action = Action(name: actionName.name) else {
                        report(Diagnostic(.unknownAction, Message(.diagUnknownAction, ["action": .text(actionName.name)]), at: actionName.span, label: Message(.diagNotAnAction), help: Suggestions.message(for: actionName.name, in: Action.allCases.map(\.rawValue), kind: .action)))
                        continue
                    }
                    if action.isAdministrative, scope != .any {
                        report(Diagnostic(.adminActionNeedsAnyScope, Message(.diagAdminActionScope, ["action": .text(action.rawValue)]), at: actionName.span, label: Message(.diagAdminActionScopeLabel, ["scope": .text(scope.rawValue)]), help: Message(.diagAdminActionScopeHelp, ["action": .text(action.rawValue)])))
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
let which: Message.Argument = .catalog(setting == "executor_role" ? .diagWhichExecutor : .diagWhichCoordinator)
            let help = Suggestions.closest(to: role, in: roles.keys).map { Message(.diagDesignatedRoleHelpGuess, ["role": .text(role), "setting": .text(setting), "suggestion": .text($0)]) }
                ?? Message(.diagDesignatedRoleHelp, ["role": .text(role), "setting": .text(setting)])
            report(Diagnostic(.unknownRole, Message(.diagDesignatedRoleMissing, ["which": which, "role": .text(role)]), at: span, label: Message(.diagInThisOrganization), help: help))
        }
        organization.position = position(spans.organization)
        self.organization = organization
    }

    mutating func role(_ identifier: Identifier) -> RoleRow? {
        if let row = roles[identifier.name] { return row }
        report(Diagnostic(.unknownRole, Message(.diagUnknownRole, ["role": .text(identifier.name)]), at: identifier.span, label: Message(.diagNotDeclared), help: Suggestions.message(for: identifier.name, in: Array(roles.keys), kind: .role)))
        return nil
    }
}
