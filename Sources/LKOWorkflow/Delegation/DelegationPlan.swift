import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore

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
    public struct Move: Sendable, Codable, Equatable {
        public var posNumber: String
        public var node: String
        public var state: String
        public var deadline: String?
        /// The person who will hold it (nil: the coordinator's queue, with --allow-partial).
        public var to: String?
        public var dueDuringAbsence: Bool
    }

    public struct RouteChange: Sendable, Codable, Equatable {
        public var kind: String
        public var rule: String
        public var resolvesTo: String?
    }

    public var login: String
    public var from: String
    public var until: String?
    public var substitute: String
    public var moves: [Move] = []
    public var routes: [RouteChange] = []
    public var substituteLoadNow = 0
    public var substituteLoadAfter = 0
    public var errors: [String] = []
    public var warnings: [String] = []

    public var isAcceptable: Bool { errors.isEmpty }
}

extension Workflow {
    /// Checks an absence request and computes its effects, changing nothing.
    public func plan(_ request: AbsenceRequest, in db: Database, excluding absenceID: Int64? = nil) throws -> DelegationPlan {
        var plan = DelegationPlan(login: request.login, from: request.from.description, until: request.until?.description, substitute: request.substitute)
        let day = today
        // Who and when.
        let accounts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT login, status FROM accounts").map { ($0["login"] as String, $0["status"] as String) })
        if accounts[request.login] == nil { plan.errors.append("`\(request.login)` has no account") }
        if request.substitute == request.login { plan.errors.append("the substitute must be someone else than `\(request.login)`") }
        switch accounts[request.substitute] {
        case nil: plan.errors.append("the substitute `\(request.substitute)` has no account")
        case "active": break
        default: plan.errors.append("the substitute `\(request.substitute)` is disabled")
        }
        if let until = request.until, until < request.from {
            plan.errors.append("the absence ends (\(until)) before it starts (\(request.from))")
        }
        var absences = try Absence.all(db).filter { $0.id != absenceID }
        for other in absences where other.login == request.login && other.overlaps(start: request.from, end: request.until) && !(other.endProcessed) {
            plan.errors.append("`\(request.login)` already has absence #\(other.id) (\(other.startsOn) – \(other.endsOn ?? "open-ended")) overlapping this one; one person cannot be away twice at once")
        }
        // The new absence, as it would stand, for chain resolution.
        let candidate = Absence(id: -1, login: request.login, startsOn: request.from.description, endsOn: request.until?.description, reason: request.reason, substitute: request.substitute, returnOpenCases: request.returnOpenCases, allowPartial: request.allowPartial, status: "planned", startProcessed: false, endProcessed: false, createdBy: "", createdAt: "", updatedAt: "")
        absences.append(candidate)
        let chains = SubstitutionChains(absences)

        // The days to check: every day of the absence (an open-ended one: a year ahead, which
        // covers every grant expiry the policy can hold for it).
        let lastDay = request.until ?? request.from.adding(days: 366)
        let span = max(0, request.from.days(until: lastDay))
        let days = (0...span).map { request.from.adding(days: $0) }

        // Cycles and chains.
        var chainNotes: Set<String> = []
        for checkDay in days {
            switch chains.resolve(request.login, on: checkDay) {
            case .cycle(let cycle):
                plan.errors.append("substitution cycle on \(checkDay): " + cycle.joined(separator: " → ") + "; choose a substitute who is not (transitively) substituted by \(request.login)")
            case .present(let person, let chain):
                if chain.count > 2 { chainNotes.insert("on \(checkDay) \(request.substitute) is absent too: cases go along " + chain.joined(separator: " → ") + " to \(person)") }
            }
            if plan.errors.contains(where: { $0.hasPrefix("substitution cycle") }) { break }
        }
        plan.warnings += chainNotes.sorted().prefix(5)
        if chainNotes.count > 5 { plan.warnings.append("… and \(chainNotes.count - 5) more days with a substitution chain") }

        // What must be covered: the nodes of the open cases that will move and of the routes that
        // target the absentee.
        let openCases = try CaseRecord.fetchAll(db, sql: """
            SELECT * FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY pos_number
            """, arguments: [request.login])
        var requiredNodes: [String: String] = [:]  // node → why
        for record in openCases { requiredNodes[record.node] = requiredNodes[record.node] ?? "case \(record.posNumber)" }
        for (kind, rows) in [("fasttrack", policy.tables.fastTracks), ("autorule", policy.tables.autoRules)] {
            for row in rows where row.assignee == request.login {
                let nodes = row.nodes.isEmpty ? policy.tables.nodes.filter { $0.level == "subcategory" }.map(\.path) : row.nodes
                for node in nodes { requiredNodes[node] = requiredNodes[node] ?? "\(kind) \(row.id)" }
                let resolved: String?
                if case .present(let person, _) = chains.resolve(request.login, on: request.from) { resolved = person } else { resolved = nil }
                plan.routes.append(.init(kind: kind, rule: row.id, resolvesTo: resolved))
            }
        }
        // Coverage: on every day, whoever holds the cases must be an executor on their nodes.
        var gaps: [String: (day: CalendarDate, person: String, why: String)] = [:]
        for (node, why) in requiredNodes.sorted(by: { $0.key < $1.key }) {
            guard let nodeIndex = policy.nodeIndex(node) else { continue }
            for checkDay in days {
                guard case .present(let person, _) = chains.resolve(request.login, on: checkDay) else { break }
                if !policy.isExecutor(person, node: nodeIndex, on: checkDay) {
                    gaps[node] = (checkDay, person, why)
                    break
                }
            }
        }
        let uncovered = Set(gaps.keys)
        if !gaps.isEmpty {
            let lines = gaps.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.why)): \($0.value.person) holds no \(policy.tables.organization.executorRole) grant on it on \($0.value.day)" }
            if request.allowPartial {
                plan.warnings.append("not covered, their cases go to the coordinator's queue: " + lines.joined(separator: "; "))
            } else {
                plan.errors.append("the substitute does not cover every case and route of \(request.login): " + lines.joined(separator: "; ") + " — grant the executor role there for the whole absence, choose another substitute, or use --allow-partial")
            }
        }
        // The moves at the start (or now, for a start already past — but never after the last
        // day away). `begin` carries out exactly these moves.
        var moveDay = max(request.from, day)
        if let until = request.until, until >= request.from, moveDay > until { moveDay = until }
        for record in openCases {
            var target: String?
            if case .present(let person, _) = chains.resolve(request.login, on: moveDay), !uncovered.contains(record.node) { target = person }
            let due = record.deadline.flatMap(CalendarDate.init(iso:)).map { $0 >= request.from && $0 <= lastDay } ?? false
            plan.moves.append(.init(posNumber: record.posNumber, node: record.node, state: record.state.rawValue, deadline: record.deadline, to: target, dueDuringAbsence: due))
        }
        let dueCount = plan.moves.filter(\.dueDuringAbsence).count
        if dueCount > 0 { plan.warnings.append("\(dueCount) case(s) fall due during the absence") }
        plan.substituteLoadNow = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')
            """, arguments: [request.substitute]) ?? 0
        plan.substituteLoadAfter = plan.substituteLoadNow + plan.moves.filter { $0.to == request.substitute }.count
        if plan.substituteLoadAfter > DelegationLimits.overloadedCases {
            plan.warnings.append("\(request.substitute) will hold \(plan.substituteLoadAfter) open cases (more than \(DelegationLimits.overloadedCases))")
        }
        return plan
    }
}

/// Thresholds for warnings (not rules of the order).
public enum DelegationLimits {
    public static let overloadedCases = 40
}
