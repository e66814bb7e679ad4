import LKOStore
import LKOCalendar

/// Who actually receives a case routed or assigned to `login` on a day. The delegation layer
/// answers "the substitute, acting for the absentee"; without absences it is the login itself.
public protocol AssigneeResolver: Sendable {
    func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee
}

public struct ResolvedAssignee: Sendable, Equatable {
    public var login: String
    /// The absent executor the case was meant for, when it went to a substitute.
    public var actingFor: String?

    public init(login: String, actingFor: String? = nil) {
        self.login = login
        self.actingFor = actingFor
    }
}

/// No absences: everyone is present.
public struct DirectAssignment: AssigneeResolver {
    public init() {}

    public func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee {
        ResolvedAssignee(login: login)
    }
}
