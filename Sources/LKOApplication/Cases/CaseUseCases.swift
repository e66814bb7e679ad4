import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

extension LKOService {
    /// A page of the cases the caller may view, in one of the queues.
    public func cases(_ caller: Caller, query: CaseQuery) throws -> Page<CaseSummary> {
        try run {
            // Bounded as the API documents (10⁹): a larger page would overflow the offset.
            guard (1...1_000_000_000).contains(query.page) else { throw AppError.invalid(.errPageRange, field: "page") }
            guard (1...CaseQuery.maximumPerPage).contains(query.perPage) else {
                throw AppError.invalid(.errPerPageRange, ["maximum": .text("\(CaseQuery.maximumPerPage)")], field: "per_page")
            }
            let workflow = try workflow()
            let policy = workflow.policy
            let day = workflow.today
            var clauses: [String] = []
            var arguments: SQLArguments = []
            switch query.view {
            case .mine: clauses.append("assignee = ?"); arguments += [caller.login]
            case .approval: clauses.append("state = 'on_approval'")
            case .incoming: clauses.append("state = 'received'")
            case .overdue:
                clauses.append("deadline < ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')")
                arguments += [day.description]
            case .all: break
            }
            if let state = query.state { clauses.append("state = ?"); arguments += [state.rawValue] }
            if let assignee = query.assignee { clauses.append("assignee = ?"); arguments += [assignee] }
            if let number = query.number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                clauses.append("instr(pos_number, ?) > 0"); arguments += [number]
            }
            // The absences the caller stands in for: a declared substitute sees what they may act on.
            let standingIn = policy.substituteRows.isEmpty ? [] : try store.read { db in try AbsenceDerivedRights.facts(db, substitute: caller.login) }
            let viewable = VisibilityFilter(policy: policy, login: caller.login, action: .view, day: day, absences: standingIn)
            clauses.append(viewable.sql); arguments += viewable.arguments
            if query.view == .approval {
                let approvable = VisibilityFilter(policy: policy, login: caller.login, action: .approve, day: day, absences: standingIn)
                clauses.append(approvable.sql); arguments += approvable.arguments
                // Separation of duties (order item 12): not one's own answer.
                clauses.append("COALESCE(drafted_by, '') != ? AND COALESCE(submitted_by, '') != ? AND COALESCE(drafted_for, '') != ?")
                arguments += [caller.login, caller.login, caller.login]
            }
            let condition = " WHERE " + clauses.joined(separator: " AND ")
            let offset = (query.page - 1) * query.perPage
            let (total, records, names) = try store.read { db in
                (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM cases" + condition), arguments: arguments) ?? 0,
                 try CaseRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM cases" + condition + " ORDER BY deadline IS NULL, deadline, pos_number LIMIT ? OFFSET ?"),
                                         arguments: arguments + [query.perPage, offset]),
                 try PersonNames.load(db))
            }
            // The same decision the gate makes, row by row: the filter can only ever hide a row.
            let checked = records.filter { record in
                policy.decide(login: caller.login, action: .view, node: policy.nodeIndex(record.node), assignee: record.assignee, on: day, absences: standingIn)
            }
            return Page(items: checked.map { summary($0, workflow: workflow, day: day, names: names) }, page: query.page, perPage: query.perPage, total: total)
        }
    }

    /// One case with its history, the caller's possible actions and (for those who assign) the
    /// route the policy would choose. A case the caller may not view is reported as not found.
    public func caseDetail(_ caller: Caller, number: String) throws -> CaseDetail {
        try run {
            let workflow = try workflow()
            let (record, events) = try viewable(caller, number: number, workflow: workflow)
            let (names, versions) = try store.read { db in (try PersonNames.load(db), try AnswerVersion.all(db, caseID: record.id)) }
            return detail(record, events: events, versions: versions, caller: caller, workflow: workflow, names: names)
        }
    }

    /// Performs an action through the workflow's one gate. The caller must be able to view
    /// the case (otherwise: not found, with nothing about it revealed).
    public func perform(_ caller: Caller, action name: String, number: String, request: ActionRequest) throws -> CaseDetail {
        try run {
            guard let action = CaseAction(rawValue: name), action.permission != nil else {
                throw AppError.invalid(.errUnknownAction, ["action": .text(String(name.prefix(40)))], field: "action")
            }
            let workflow = try workflow()
            _ = try viewable(caller, number: number, workflow: workflow)
            if let organization = request.organization {
                try redirectIntoOrganization(caller, action: action, number: number, organization: organization, request: request, workflow: workflow)
                return try caseDetail(caller, number: number)
            }
            let input = try CaseInput.validate(action, request)
            try workflow.perform(action, on: number, by: caller.account, input: input)
            return try caseDetail(caller, number: number)
        }
    }

    /// A redirect into another ЛКО of the region: the registry says whether it is subordinate or
    /// superior (and refuses anything else); the receiver's own policy routes the case.
    func redirectIntoOrganization(_ caller: Caller, action: CaseAction, number: String, organization: String, request: ActionRequest, workflow: Workflow) throws {
        guard action == .redirect else { throw AppError.invalid(.errRedirectOrganizationOnly, field: "organization") }
        guard let sender = store.organization, let address = store.address(ofOrganization: organization) else {
            throw AppError.from(StoreError.invalidField(field: "organization", reason: Message(.regionNeedsPostgres)))
        }
        let registry = try store.regionOrganizations()
        guard let target = registry.first(where: { $0.id == organization }) else {
            throw AppError.from(StoreError.invalidField(field: "organization", reason: Message(.regionUnknownOrganization, ["organization": .text(organization)])))
        }
        let kind = try store.read { db in try RegionalRedirect.kind(in: db, from: sender, to: organization) }
        let receivingStore = try Store.open(path: address, blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()])
        defer { try? receivingStore.close() }
        let receiving = try Workflow(store: receivingStore, resolver: DelegationResolver())
        let senderTitle = registry.first { $0.id == sender }?.title ?? sender
        var input = try CaseInput.validate(.redirect, ActionRequest(to: target.title, comment: request.comment, kind: kind))
        input.target = "\(target.title) (ЛКО \(organization))"
        try workflow.perform(.redirect, on: number, by: caller.account, input: input,
                             receiver: RegionalRedirect(organization: organization, receiver: receiving, sender: senderTitle))
    }

    /// Cases from a ПОС export (JSON Lines, docs/import.md), by the coordinator or the
    /// administrator. Idempotent by ПОС number.
    public func importCases(_ caller: Caller, data: Data) throws -> CaseImporter.Report {
        try run {
            let workflow = try workflow()
            let day = workflow.today
            if ![.assign, .managePolicy].contains(where: { workflow.policy.decide(login: caller.login, action: $0, node: nil, assignee: nil, on: day) }) {
                try store.authorize(caller.account, .assign)
            }
            return try CaseImporter(workflow: workflow).run(data, actor: caller.login)
        }
    }

    /// The case, if it exists and the caller may view it; otherwise "not found" for both.
    func viewable(_ caller: Caller, number: String, workflow: Workflow) throws -> (CaseRecord, [CaseEvent]) {
        guard !number.isEmpty, number.utf8.count <= 64 else { throw AppError.caseNotFound }
        do {
            return try workflow.caseDetail(number, for: caller.account)
        } catch WorkflowError.unknownCase, WorkflowError.denied {
            throw AppError.caseNotFound
        }
    }

    func summary(_ record: CaseRecord, workflow: Workflow, day: CalendarDate, names: PersonNames) -> CaseSummary {
        let policy = workflow.policy
        let titles = CaseFacts.titles(of: record.node, in: policy)
        let left = record.state.isOpen ? workflow.workingDaysLeft(until: record.deadline, from: day) : nil
        let overdue = record.state.isOpen && (record.deadline.flatMap(CalendarDate.init(iso:)).map { $0 < day } ?? false)
        return CaseSummary(
            posNumber: record.posNumber, epguNumber: record.epguNumber, regime: record.regime.rawValue, regimeTitle: RussianText.regime(record.regime),
            node: record.node, categoryTitle: titles.category, subcategoryTitle: titles.subcategory,
            state: record.state.rawValue, stateTitle: record.state.title,
            assignee: record.assignee, assigneeName: record.assignee.map(names.name),
            originalAssignee: record.originalAssignee, originalAssigneeName: record.originalAssignee.map(names.name),
            receivedOn: record.receivedOn, deadline: record.deadline, deadlineText: RussianText.date(iso: record.deadline),
            workingDaysLeft: left, overdue: overdue, atRisk: record.state.isOpen && !overdue && (left.map { $0 <= 2 } ?? false),
            fastTrack: record.fastTrack
        )
    }

    func detail(_ record: CaseRecord, events: [CaseEvent], versions: [AnswerVersion], caller: Caller, workflow: Workflow, names: PersonNames) -> CaseDetail {
        let policy = workflow.policy
        let day = workflow.today
        let zone = policy.tables.organization.timeZone

        var actions = workflow.possibleActions(for: caller.login, on: record, day: day).map { ActionOption(action: $0.rawValue, title: RussianText.action($0.rawValue)) }
        // An extension only while the term runs (59-ФЗ ст. 12 ч. 2).
        if let deadline = record.deadline.flatMap({ CalendarDate(iso: $0) }), day > deadline { actions.removeAll { $0.action == "extend" } }
        var route: RoutePreview?
        if policy.holds(caller.login, .assign, on: day), let decision = policy.route(record.attributes, on: day) {
            route = CaseFacts.preview(decision, names: names)
        }
        let history = events.map { event in
            HistoryLine(
                at: event.at, atText: RussianText.time(stored: event.at, zone: zone), actor: event.actor, actorName: names.name(event.actor),
                actingFor: event.actingFor, actingForName: event.actingFor.map(names.name), action: event.action,
                eventTitle: RussianText.event(event.action, toState: event.toState), fromState: event.fromState, toState: event.toState,
                toStateTitle: CaseState(rawValue: event.toState)?.title ?? event.toState,
                assigneeBefore: event.assigneeBefore, assigneeAfter: event.assigneeAfter, assigneeAfterName: event.assigneeAfter.map(names.name),
                comment: event.comment
            )
        }
        let term = record.term
        return CaseDetail(
            summary: summary(record, workflow: workflow, day: day, names: names),
            description: record.description, address: record.address, locality: record.locality,
            applicantName: record.applicantName, applicantContacts: record.applicantContacts,
            source: record.source, channel: record.channel?.rawValue, moderationOn: record.moderationOn,
            term: "\(term.days) \(term.unit == .working ? RussianText.plural(term.days, "рабочий день", "рабочих дня", "рабочих дней") : RussianText.plural(term.days, "календарный день", "календарных дня", "календарных дней"))",
            extensionDays: record.extensionDays, extensionReason: record.extensionReason, answer: record.answer,
            draftedBy: record.draftedBy, submittedBy: record.submittedBy, redirectedTo: record.redirectedTo, routedBy: record.routedBy,
            history: history,
            answers: versions.map { version in
                AnswerVersionView(kind: version.kind.rawValue, kindTitle: RussianText.answerKind(version.kind.rawValue), text: version.text, author: version.author,
                                  authorName: names.name(version.author), actingFor: version.actingFor, at: version.at,
                                  atText: RussianText.time(stored: version.at, zone: zone), comment: version.comment)
            },
            redirectKind: record.redirectKind, answeredOn: record.answeredOn,
            actions: actions, route: route
        )
    }
}

/// Facts about a case that several use cases need.
enum CaseFacts {
    /// Whoever drafted or submitted the answer, or had it drafted for them (order item 12).
    static func involved(in record: CaseRecord) -> [String] {
        [record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 }
    }

    static func titles(of path: String, in policy: CompiledPolicy) -> (category: String, subcategory: String) {
        guard let index = policy.nodeIndex(path) else { return (path, "") }
        var chain: [String] = []
        var current: Int? = index
        while let node = current {
            chain.insert(policy.node(node).title, at: 0)
            current = policy.node(node).parent
        }
        return (chain.first ?? path, chain.dropFirst().joined(separator: " / "))
    }

    static func preview(_ decision: RouteDecision, names: PersonNames) -> RoutePreview {
        let target = decision.assignee.map { "\(names.name($0))" } ?? "Координатор"
        switch decision.via {
        case .fastTrack(let id):
            return RoutePreview(assignee: decision.assignee, assigneeName: decision.assignee.map(names.name), via: "fast_track", rule: id, explanation: "Фаст-трек «\(id)» → \(target)")
        case .autoRule(let id):
            return RoutePreview(assignee: decision.assignee, assigneeName: decision.assignee.map(names.name), via: "auto_rule", rule: id,
                                explanation: "Правило автоназначения «\(id)» → \(target)" + (decision.fallbackReason.map { "; правило не сработало: \($0), решает Координатор" } ?? ""))
        case .noRule:
            return RoutePreview(assignee: nil, assigneeName: nil, via: "coordinator", rule: nil, explanation: "Ни одно правило не подходит: решает Координатор")
        }
    }
}

/// Checks an action's own inputs before the gate, with messages for the form's fields.
enum CaseInput {
    static let maximumText = 20_000

    static func validate(_ action: CaseAction, _ request: ActionRequest) throws -> Workflow.ActionInput {
        func text(_ value: String?, field: String, required: MessageKey?) throws -> String? {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmed.isEmpty {
                if let required { throw AppError.invalid(required, field: field) }
                return nil
            }
            guard trimmed.count <= maximumText else { throw AppError.invalid(.errTextTooLong, ["maximum": .text("\(maximumText)")], field: field) }
            guard !trimmed.unicodeScalars.contains(where: { $0.value == 0 }) else { throw AppError.invalid(.errTextHasNUL, field: field) }
            return trimmed
        }
        switch action {
        case .assign, .reassign:
            guard let to = try text(request.to, field: "to", required: .errChooseExecutor) else { throw AppError.invalid(.errChooseExecutor, field: "to") }
            return .init(target: to)
        case .draft:
            return .init(text: try text(request.text, field: "text", required: .errEnterAnswerText))
        case .submit:
            return .init()
        case .approve, .reopen:
            return .init(text: try text(request.comment, field: "comment", required: nil))
        case .return:
            return .init(text: try text(request.comment, field: "comment", required: .errEnterReturnComment))
        case .redirect:
            let to = try text(request.to, field: "to", required: .errEnterRedirectTarget)
            let kind = request.kind ?? "other_body"
            guard Workflow.redirectKinds.contains(kind) else {
                throw AppError.invalid(.errRedirectKindChoices, field: "kind")
            }
            return .init(target: to, text: try text(request.comment, field: "comment", required: nil), kind: kind)
        case .reclassify:
            let to = try text(request.to, field: "to", required: .errEnterReclassifyTarget)
            return .init(target: to, text: try text(request.comment, field: "comment", required: .errEnterReclassifyReason))
        case .extend:
            guard let days = request.days, (1...30).contains(days) else { throw AppError.invalid(.errExtendDaysRange, field: "days") }
            return .init(text: try text(request.comment, field: "comment", required: .errEnterExtendReason), days: days)
        case .moderate, .reject:
            throw AppError.invalid(.errModerationIsPlatform, field: "action")
        }
    }
}
