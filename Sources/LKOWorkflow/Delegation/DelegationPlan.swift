import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

/// A request to record an absence.
public struct AbsenceRequest: Sendable, Equatable {
    public var login: String
    public var from: CalendarDate
    public var until: CalendarDate?
    public var reason: Absence.Reason
    public var substitute: String
    public var returnOpenCases: Bool
    public var allowPartial: Bool

    public init(login: String, from: CalendarDate, until: CalendarDate?, reason: Absence.Reason, substitute: String, returnOpenCases: Bool = false, allowPartial: Bool = false) {
        self.login = login
        self.from = from
        self.until = until
        self.reason = reason
        self.substitute = substitute
        self.returnOpenCases = returnOpenCases
        self.allowPartial = allowPartial
    }
}

/// What `lko absence plan` prints and `lko absence add` then does — computed by one function,
/// so the dry run predicts the real run exactly.
public struct DelegationPlan: Sendable, Codable, Equatable {
    /// Where a case (or a route) goes.
    public enum Outcome: String, Sendable, Codable, Equatable {
        /// To `to`: the substitute, or along a chain the first present substitute.
        case substitute
        /// To the coordinator's queue: not covered, and `--allow-partial` was given.
        case coordinator
        /// Not covered and no `--allow-partial`: the plan is refused, nothing goes anywhere.
        case notCovered = "not_covered"
    }

    public struct Move: Sendable, Codable, Equatable {
        public var posNumber: String
        public var node: String
        public var state: String
        public var deadline: String?
        /// Who holds it now: the absentee, or (changing an absence in progress) whoever holds
        /// it for them.
        public var holder: String
        /// The person who will hold it (nil: the coordinator's queue with --allow-partial, or
        /// not covered in a refused plan — see `outcome`).
        public var to: String?
        public var outcome: Outcome
        public var dueDuringAbsence: Bool

        enum CodingKeys: String, CodingKey {
            case posNumber = "pos_number"
            case node, state, deadline, holder, to, outcome
            case dueDuringAbsence = "due_during_absence"
        }
    }

    /// Where a route (fast-track or auto-rule) that targets the absentee sends a new case on the
    /// days `from`…`until` for the subcategories `nodes` — exactly as routing during the absence
    /// will (the person the chain resolves to that day, if an executor there that day).
    public struct RouteChange: Sendable, Codable, Equatable {
        public var kind: String
        public var rule: String
        public var nodes: [String]
        public var from: String
        /// nil: to the end of an open-ended absence.
        public var until: String?
        public var resolvesTo: String?
        public var outcome: Outcome

        enum CodingKeys: String, CodingKey {
            case kind, rule, nodes, from, until
            case resolvesTo = "resolves_to"
            case outcome
        }
    }

    /// The recorded absence (set by `add` and `change`; absent from a dry run).
    public var id: Int64?
    public var login: String
    public var from: String
    public var until: String?
    public var substitute: String
    public var moves: [Move] = []
    public var routes: [RouteChange] = []
    public var substituteLoadNow = 0
    public var substituteLoadAfter = 0
    /// Why the plan is refused (nothing is recorded while there is one).
    public var errors: [Issue] = []
    public var warnings: [Issue] = []
    /// When refused for want of coverage: the policy line(s) to add, ready to paste.
    public var suggestion: [String] = []

    public var isAcceptable: Bool { errors.isEmpty }

    /// The same snake_case keys from the CLI (`--format json`) and the HTTP API.
    enum CodingKeys: String, CodingKey {
        case id, login, from, until, substitute, moves, routes
        case substituteLoadNow = "substitute_load_now"
        case substituteLoadAfter = "substitute_load_after"
        case errors, warnings, suggestion
    }

    init(login: String, from: String, until: String?, substitute: String) {
        self.login = login
        self.from = from
        self.until = until
        self.substitute = substitute
    }
}

/// How `plan` is run: recording now (`plan`, `add`, `change`, `delegation check`) or carrying out
/// a start that was recorded in advance (`begin`, possibly catching up after downtime).
struct PlanMode {
    /// The day cases move (nil: today, or no move at all if the absence is already over).
    var moveDay: CalendarDate?
    /// Check and route only from this day on (nil: from the first day of the absence).
    var checkFrom: CalendarDate?
    /// Also re-plan the open cases already held for the absentee by someone else (changing an
    /// absence in progress): those whose holder changes are listed as moves.
    var includeHeld = false

    /// `plan` / `add`: an absence recorded today. Days already past are history — a past
    /// absence moves nothing; a partly past one moves cases today and is checked from today.
    static func recordedOn(_ today: CalendarDate) -> PlanMode { PlanMode(moveDay: nil, checkFrom: today) }
}

/// Open states: a case someone must still act on.
let openStatesSQL = "('received', 'assigned', 'in_progress', 'on_approval', 'returned')"

extension Workflow {
    /// Checks an absence request recorded today and computes its effects, changing nothing.
    public func plan(_ request: AbsenceRequest, in db: SQLDatabase, excluding absenceID: Int64? = nil) throws -> DelegationPlan {
        try plan(request, in: db, excluding: absenceID, mode: .recordedOn(today))
    }

    func plan(_ request: AbsenceRequest, in db: SQLDatabase, excluding absenceID: Int64?, mode: PlanMode) throws -> DelegationPlan {
        var plan = DelegationPlan(login: request.login, from: request.from.description, until: request.until?.description, substitute: request.substitute)
        let day = today
        // Who and when.
        let accounts = Dictionary(uniqueKeysWithValues: try SQLRow.fetchAll(db, sql: "SELECT login, status FROM accounts").map { ($0["login"] as String, $0["status"] as String) })
        let login = Message.Argument.text(request.login), substitute = Message.Argument.text(request.substitute)
        if accounts[request.login] == nil { plan.errors.append(.init("absentee_no_account", .planAbsenteeNoAccount, ["login": login])) }
        if request.substitute == request.login { plan.errors.append(.init("substitute_is_absentee", .planSubstituteIsAbsentee, ["login": login])) }
        switch accounts[request.substitute] {
        case nil: plan.errors.append(.init("substitute_no_account", .planSubstituteNoAccount, ["substitute": substitute]))
        case "active": break
        default: plan.errors.append(.init("substitute_disabled", .planSubstituteDisabled, ["substitute": substitute]))
        }
        if let until = request.until, until < request.from {
            plan.errors.append(.init("ends_before_start", .planEndsBeforeStart, ["until": .text(peopleDate(until)), "from": .text(peopleDate(request.from))]))
        }
        var absences = try Absence.all(db).filter { $0.id != absenceID }
        for other in absences where other.login == request.login && other.overlaps(start: request.from, end: request.until) && !(other.endProcessed) {
            plan.errors.append(.init("overlapping_absence", .planOverlapping, [
                "login": login, "absence": .text("\(other.id)"), "from": .text(peopleDate(iso: other.startsOn)),
                "until": other.endsOn.map { .text(peopleDate(iso: $0)) } ?? .message(Message(.openEnded)),
            ]))
        }
        // The new absence, as it would stand, for chain resolution.
        let candidate = Absence(id: -1, login: request.login, startsOn: request.from.description, endsOn: request.until?.description, reason: request.reason, substitute: request.substitute, returnOpenCases: request.returnOpenCases, allowPartial: request.allowPartial, status: "planned", startProcessed: false, endProcessed: false, createdBy: "", createdAt: "", updatedAt: "")
        absences.append(candidate)
        let chains = SubstitutionChains(absences)
        // An eligible substitute holds the absentee's executor scope for the absence's days
        // (the policy's `substitute … for …`): that covers as a grant would.
        let facts = absences.filter { !$0.isCancelled }.map(\.fact)
        func coversAsExecutor(_ person: String, _ node: Int, _ checkDay: CalendarDate) -> Bool {
            policy.isExecutor(person, node: node, on: checkDay) || policy.isExecutor(person, node: node, on: checkDay, absences: facts)
        }

        // The days to check: every day of the absence still to come (an open-ended one: a year
        // ahead, which covers every grant expiry the policy can hold for it). Days already past
        // when it is recorded are history: nothing can move or route on them any more.
        let lastDay = request.until ?? max(request.from, mode.checkFrom ?? request.from).adding(days: 366)
        let firstDay = max(request.from, mode.checkFrom ?? request.from)
        let days = firstDay <= lastDay ? (0...firstDay.days(until: lastDay)).map { firstDay.adding(days: $0) } : []
        let isOver = days.isEmpty && request.until.map { $0 >= request.from } == true

        // Cycles and chains: each distinct cycle once, with the whole chain and the days it lasts.
        func chainArgument(_ chain: [String]) -> Message.Argument {
            .messages(chain.map { Message(.planPerson, ["login": .text($0)]) }, separator: " → ")
        }
        var chainNotes: [(day: CalendarDate, chain: [String], person: String)] = []
        var cycles: [(chain: [String], first: CalendarDate, last: CalendarDate)] = []
        for checkDay in days {
            switch chains.resolve(request.login, on: checkDay) {
            case .cycle(let cycle):
                if let index = cycles.firstIndex(where: { $0.chain == cycle }) { cycles[index].last = checkDay } else { cycles.append((cycle, checkDay, checkDay)) }
            case .present(let person, let chain):
                if chain.count > 2 { chainNotes.append((checkDay, chain, person)) }
            }
        }
        for cycle in cycles {
            let span = cycle.first == cycle.last ? Message(.planSpanOneDay, ["day": .text(peopleDate(cycle.first))])
                : Message(.planSpanDays, ["from": .text(peopleDate(cycle.first)), "until": .text(peopleDate(cycle.last))])
            plan.errors.append(.init("substitution_cycle", .planCycle, ["day": .text(peopleDate(cycle.first)), "chain": chainArgument(cycle.chain), "login": login, "span": .message(span)]))
        }
        for note in chainNotes.prefix(5) {
            plan.warnings.append(.init("substitution_chain", .planChain, ["day": .text(peopleDate(note.day)), "substitute": substitute, "chain": chainArgument(note.chain), "person": .text(note.person)]))
        }
        if chainNotes.count > 5 {
            let more = chainNotes.count - 5
            plan.warnings.append(.init("substitution_chain_more", .planMoreChainDays, ["days": .pair(ru: Messages.count(more, .day, in: .ru), en: Messages.count(more, .day, in: .en))]))
        }

        // What must be covered: the nodes of the open cases that will move (and, changing an
        // absence in progress, of those already held for the absentee) and of the routes that
        // target the absentee.
        var openCases = try CaseRecord.fetchAll(db, sql: """
            SELECT * FROM cases WHERE assignee = ? AND state IN \(openStatesSQL) ORDER BY pos_number
            """, arguments: [request.login])
        if mode.includeHeld {
            openCases += try CaseRecord.fetchAll(db, sql: """
                SELECT * FROM cases WHERE original_assignee = ? AND assignee IS NOT NULL AND assignee != ? AND state IN \(openStatesSQL) ORDER BY pos_number
                """, arguments: [request.login, request.login])
            openCases.sort { $0.posNumber < $1.posNumber }
        }
        if isOver { openCases = [] }
        var requiredNodes: [String: [String]] = [:]  // node → why (every case, then every route)
        for record in openCases { requiredNodes[record.node, default: []].append("case \(record.posNumber)") }
        var routeRows: [(kind: String, rule: String, nodes: [String])] = []
        for (kind, rows) in [("fasttrack", policy.tables.fastTracks), ("autorule", policy.tables.autoRules)] {
            for row in rows where row.assignee == request.login {
                let nodes = row.nodes.isEmpty ? policy.tables.nodes.filter { $0.level == "subcategory" }.map(\.path) : row.nodes
                if !days.isEmpty {
                    for node in nodes { requiredNodes[node, default: []].append("\(kind) \(row.id)") }
                }
                routeRows.append((kind, row.id, nodes))
            }
        }
        // Coverage: on every day, whoever holds the cases must be an executor on their nodes.
        var gaps: [String: (day: CalendarDate, person: String, why: [String])] = [:]
        for (node, why) in requiredNodes.sorted(by: { $0.key < $1.key }) {
            guard let nodeIndex = policy.nodeIndex(node) else { continue }
            for checkDay in days {
                guard case .present(let person, _) = chains.resolve(request.login, on: checkDay) else { break }
                if !coversAsExecutor(person, nodeIndex, checkDay) {
                    gaps[node] = (checkDay, person, why)
                    break
                }
            }
        }
        let uncovered = Set(gaps.keys)
        if !gaps.isEmpty {
            let lines = gaps.sorted { $0.key < $1.key }.map { gap in
                Message(.planGap, ["node": .text(gap.key), "reasons": Self.describe(gap.value.why), "person": .text(gap.value.person),
                                   "role": .text(policy.tables.organization.executorRole), "day": .text(peopleDate(gap.value.day))])
            }
            if request.allowPartial {
                plan.warnings.append(.init("not_covered_partial", .planNotCoveredPartial, ["gaps": .messages(lines, separator: "; ")]))
            } else {
                let paste = policy.eligibilitySuggestion(substitute: request.substitute, absentee: request.login, nodes: gaps.keys.sorted())
                plan.suggestion = [paste]
                plan.errors.append(.init("substitute_not_covering", .planNotCovering, ["login": login, "gaps": .messages(lines, separator: "; ")]))
            }
        }
        let uncoveredOutcome: DelegationPlan.Outcome = request.allowPartial ? .coordinator : .notCovered

        // Routes during the absence, day by day, as admission will resolve them: the person the
        // chain reaches that day if their account is active and an executor on the case's node
        // that day, otherwise the coordinator. A rule's node is split into the parts of its
        // subtree that route differently (a substitute may cover one subcategory of a category).
        typealias Segment = (from: CalendarDate, until: CalendarDate, to: String?)
        func sameSegments(_ left: [Segment], _ right: [Segment]) -> Bool {
            left.count == right.count && zip(left, right).allSatisfy { $0.from == $1.from && $0.until == $1.until && $0.to == $1.to }
        }
        var segmentCache: [Int: [Segment]] = [:]
        func segments(_ nodeIndex: Int) -> [Segment] {
            if let cached = segmentCache[nodeIndex] { return cached }
            var result: [Segment] = []
            for checkDay in days {
                var target: String?
                if case .present(let person, _) = chains.resolve(request.login, on: checkDay), accounts[person] == "active",
                   coversAsExecutor(person, nodeIndex, checkDay) {
                    target = person
                }
                if let last = result.last, last.to == target, last.until.adding(days: 1) == checkDay {
                    result[result.count - 1].until = checkDay
                } else {
                    result.append((checkDay, checkDay, target))
                }
            }
            segmentCache[nodeIndex] = result
            return result
        }
        // The parts of a subtree that route alike: the node itself if all of it does, else its
        // children's parts (a category holds no case itself, so it does not count).
        func parts(_ nodeIndex: Int) -> [(node: String, segments: [Segment])] {
            let row = policy.node(nodeIndex)
            let inside = (row.index..<row.subtreeEnd).filter { policy.node($0).level != "category" || policy.node($0).subtreeEnd == $0 + 1 }
            guard let first = inside.first else { return [] }
            let reference = segments(first)
            if inside.allSatisfy({ sameSegments(segments($0), reference) }) { return [(row.path, reference)] }
            var result: [(node: String, segments: [Segment])] = []
            if inside.first == row.index { result.append((row.path, segments(row.index))) }
            var child = row.index + 1
            while child < row.subtreeEnd {
                result += parts(child)
                child = policy.node(child).subtreeEnd
            }
            return result
        }
        for row in routeRows where !days.isEmpty {
            let byNode = row.nodes.compactMap { policy.nodeIndex($0) }.flatMap { parts($0) }
            // Parts routed alike are one entry.
            var groups: [(nodes: [String], segments: [Segment])] = []
            for entry in byNode {
                if let index = groups.firstIndex(where: { sameSegments($0.segments, entry.segments) }) {
                    groups[index].nodes.append(entry.node)
                } else {
                    groups.append(([entry.node], entry.segments))
                }
            }
            for group in groups {
                for segment in group.segments {
                    let openEnd = request.until == nil && segment.until == lastDay
                    plan.routes.append(.init(kind: row.kind, rule: row.rule, nodes: group.nodes, from: segment.from.description, until: openEnd ? nil : segment.until.description,
                                             resolvesTo: segment.to, outcome: segment.to == nil ? uncoveredOutcome : .substitute))
                }
            }
        }

        // The moves: at the start — or today, for a start recorded after it (never on a day
        // already past). `begin` carries out exactly these moves. An absence over before it is
        // recorded moves nothing: it records who was away.
        var moveDay = mode.moveDay ?? max(request.from, day)
        if let until = request.until, until >= request.from, moveDay > until { moveDay = until }
        if isOver, !mode.includeHeld {
            plan.warnings.append(.init("absence_already_over", .planAlreadyOver, ["until": .text(peopleDate(request.until!)), "substitute": substitute]))
        }
        for record in openCases {
            var target: String?
            if case .present(let person, _) = chains.resolve(request.login, on: moveDay), !uncovered.contains(record.node) { target = person }
            let holder = record.assignee ?? request.login
            // Changing an absence in progress: a case that stays with its holder is not a move.
            if mode.includeHeld, holder != request.login, target == holder { continue }
            let due = record.deadline.flatMap(CalendarDate.init(iso:)).map { $0 >= request.from && $0 <= lastDay } ?? false
            plan.moves.append(.init(posNumber: record.posNumber, node: record.node, state: record.state.rawValue, deadline: record.deadline, holder: holder,
                                    to: target, outcome: target != nil ? .substitute : uncoveredOutcome, dueDuringAbsence: due))
        }
        let dueCount = plan.moves.filter(\.dueDuringAbsence).count
        if dueCount > 0 { plan.warnings.append(.init("due_during_absence", .planDueDuringAbsence, ["count": .text("\(dueCount)")])) }
        plan.substituteLoadNow = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM cases WHERE assignee = ? AND state IN \(openStatesSQL)
            """, arguments: [request.substitute]) ?? 0
        plan.substituteLoadAfter = plan.substituteLoadNow + plan.moves.filter { $0.to == request.substitute && $0.holder != request.substitute }.count
            - plan.moves.filter { $0.holder == request.substitute && $0.to != request.substitute }.count
        if plan.substituteLoadAfter > DelegationLimits.overloadedCases {
            plan.warnings.append(.init("substitute_overloaded", .planOverloaded, [
                "substitute": substitute, "count": .text("\(plan.substituteLoadAfter)"), "limit": .text("\(DelegationLimits.overloadedCases)"),
            ]))
        }
        return plan
    }

    /// "case R1", "cases R1, R5", then the routes ("autorule road_defects"): every reason a
    /// node must be covered.
    static func describe(_ reasons: [String]) -> Message.Argument {
        let cases = reasons.filter { $0.hasPrefix("case ") }.map { String($0.dropFirst(5)) }
        var parts: [Message] = []
        if cases.count == 1 { parts.append(Message(.caseNamed, ["number": .text(cases[0])])) }
        if cases.count > 1 { parts.append(Message(.planReasonCases, ["numbers": .text(cases.joined(separator: ", "))])) }
        for route in reasons where !route.hasPrefix("case ") {
            let words = route.split(separator: " ", maxSplits: 1).map(String.init)
            let rule = Message.Argument.text(words.count > 1 ? words[1] : route)
            parts.append(Message(words.first == "fasttrack" ? .planReasonFasttrack : .planReasonAutorule, ["rule": rule]))
        }
        return .messages(parts, separator: ", ")
    }
}

/// Thresholds for warnings (not rules of the order).
public enum DelegationLimits {
    public static let overloadedCases = 40
}
