import Foundation
import LKOMessages
import LKOCalendar
import LKOStore

/// A planned temporary absence of an executor (order items 9 and 16) and who substitutes.
public struct Absence: Codable, Sendable, Equatable, SQLRecord {
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case vacation, sick
        case businessTrip = "business_trip"
        case study, other
    }

    public var id: Int64
    public var login: String
    /// First day away.
    public var startsOn: String
    /// Last day away; nil while open-ended (sick leave), ended later with `lko absence end`.
    public var endsOn: String?
    public var reason: Reason
    public var substitute: String
    public var returnOpenCases: Bool
    public var allowPartial: Bool
    /// As stored: `planned` or `cancelled` (cancelled absences are kept, never deleted). What
    /// an absence is on a given day — planned, in progress, ended — is ``status(on:)``.
    public var status: String
    public var startProcessed: Bool
    public var endProcessed: Bool
    public var createdBy: String
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, login
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case reason, substitute
        case returnOpenCases = "return_open_cases"
        case allowPartial = "allow_partial"
        case status
        case startProcessed = "start_processed"
        case endProcessed = "end_processed"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public var start: CalendarDate { CalendarDate(iso: startsOn) ?? CalendarDate(dayNumber: 0) }
    public var end: CalendarDate? { endsOn.flatMap { CalendarDate(iso: $0) } }
    public var isCancelled: Bool { status == "cancelled" }

    /// Where an absence stands on a day (the stored `status` only says planned or cancelled).
    public enum Status: String, Codable, Sendable, CaseIterable {
        case planned
        case inProgress = "in_progress"
        case ended
        case cancelled
    }

    /// The real status on `today`: `cancelled`; `ended` once processed or past its last day;
    /// `in_progress` once handed over or from its first day; otherwise `planned`.
    public func status(on today: CalendarDate) -> Status {
        if isCancelled { return .cancelled }
        if endProcessed || (end.map { $0 < today } ?? false) { return .ended }
        if startProcessed || start <= today { return .inProgress }
        return .planned
    }

    /// Whether the person is away on `day`.
    public func covers(_ day: CalendarDate) -> Bool {
        guard !isCancelled, day >= start else { return false }
        return end.map { day <= $0 } ?? true
    }

    /// Whether two periods share a day (nil end = open-ended).
    func overlaps(start otherStart: CalendarDate, end otherEnd: CalendarDate?) -> Bool {
        guard !isCancelled else { return false }
        let thisEnd = end?.dayNumber ?? Int32.max
        let thatEnd = otherEnd?.dayNumber ?? Int32.max
        return start.dayNumber <= thatEnd && otherStart.dayNumber <= thisEnd
    }

    static func all(_ db: SQLDatabase) throws -> [Absence] {
        try Absence.fetchAll(db, sql: "SELECT * FROM absences ORDER BY starts_on, id")
    }
}

/// Substitution chains over a set of absences: who actually acts for whom on a day.
public struct SubstitutionChains: Sendable {
    public let absences: [Absence]

    public init(_ absences: [Absence]) {
        self.absences = absences.filter { !$0.isCancelled }
    }

    public func absence(of login: String, on day: CalendarDate) -> Absence? {
        absences.first { $0.login == login && $0.covers(day) }
    }

    public enum Resolution: Sendable, Equatable {
        /// The first present person along the chain (the login itself when present).
        case present(String, chain: [String])
        /// The chain comes back to someone already in it.
        case cycle([String])
    }

    /// Follows substitutes from `login` until someone present on `day`.
    public func resolve(_ login: String, on day: CalendarDate) -> Resolution {
        var chain = [login]
        var current = login
        while let away = absence(of: current, on: day) {
            current = away.substitute
            if chain.contains(current) { return .cycle(chain + [current]) }
            chain.append(current)
        }
        return .present(current, chain: chain)
    }
}

/// The resolver the workflow uses while absences exist: cases routed or assigned to an absent
/// executor go to the first present substitute, acting for them.
public struct DelegationResolver: AssigneeResolver {
    public init() {}

    public func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee {
        let chains = SubstitutionChains(try Absence.all(db))
        switch chains.resolve(login, on: day) {
        case .present(let person, let chain):
            return ResolvedAssignee(login: person, actingFor: chain.count > 1 ? login : nil)
        case .cycle:
            // Cycles are refused when absences are added; if one slips in, nobody is invented.
            return ResolvedAssignee(login: login)
        }
    }
}

/// Keeps a pending or current substitute from being removed or disabled.
public struct PendingSubstituteBlocker: AccountBlockerProvider {
    public init() {}

    public func blockers(for login: String, in db: SQLDatabase) throws -> [Message] {
        let rows = try Absence.fetchAll(db, sql: "SELECT * FROM absences WHERE substitute = ? AND status = 'planned' AND end_processed = 0 ORDER BY starts_on", arguments: [login])
        return rows.map { absence in
            Message(.blockerPendingSubstitute, [
                "login": .text(absence.login), "id": .text("\(absence.id)"), "from": .text(peopleDate(iso: absence.startsOn)),
                "until": absence.endsOn.map { .text(peopleDate(iso: $0)) } ?? .message(Message(.openEnded)),
            ])
        }
    }
}
