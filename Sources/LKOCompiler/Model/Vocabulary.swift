/// The fixed action vocabulary of the workflow core. A policy can grant only these; the
/// workflow asks for exactly these. The raw values are the words used in policies and requests.
public enum Action: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case view, assign, reassign, redirect, extend, draft, submit, approve
    case `return`
    case report
    case manageUsers = "manage_users"
    case managePolicy = "manage_policy"
    case manageDelegations = "manage_delegations"
    case viewAudit = "view_audit"

    /// Actions about the system rather than about one case; a role may grant them only on `any`.
    public var isAdministrative: Bool {
        switch self {
        case .manageUsers, .managePolicy, .manageDelegations, .viewAudit, .report: true
        default: false
        }
    }

    /// Actions whose gain a policy review flags as privilege escalation.
    public var isPrivileged: Bool {
        switch self {
        case .approve, .return, .assign, .reassign, .redirect, .manageUsers, .managePolicy, .manageDelegations: true
        default: false
        }
    }

    /// The position of this action in ``allCases`` (and its bit number in an ``ActionSet``).
    public var index: Int {
        switch self {
        case .view: 0
        case .assign: 1
        case .reassign: 2
        case .redirect: 3
        case .extend: 4
        case .draft: 5
        case .submit: 6
        case .approve: 7
        case .return: 8
        case .report: 9
        case .manageUsers: 10
        case .managePolicy: 11
        case .manageDelegations: 12
        case .viewAudit: 13
        }
    }

    /// The bit of this action in an ``ActionSet``.
    public var bit: UInt16 { 1 << UInt16(index) }

    static let byName: [String: Action] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    public init?(name: String) {
        guard let action = Action.byName[name] else { return nil }
        self = action
    }

    public static func < (lhs: Action, rhs: Action) -> Bool {
        lhs.index < rhs.index
    }
}

/// A set of actions as a 16-bit mask, so a permission check is one AND.
public struct ActionSet: Sendable, Hashable, Codable, Sequence {
    public var rawValue: UInt16

    public init(rawValue: UInt16 = 0) { self.rawValue = rawValue }

    public init(_ actions: some Sequence<Action>) {
        rawValue = actions.reduce(0) { $0 | $1.bit }
    }

    public func contains(_ action: Action) -> Bool { rawValue & action.bit != 0 }
    public mutating func insert(_ action: Action) { rawValue |= action.bit }
    public var isEmpty: Bool { rawValue == 0 }
    public func union(_ other: ActionSet) -> ActionSet { ActionSet(rawValue: rawValue | other.rawValue) }
    public func subtracting(_ other: ActionSet) -> ActionSet { ActionSet(rawValue: rawValue & ~other.rawValue) }

    public func makeIterator() -> IndexingIterator<[Action]> {
        Action.allCases.filter(contains).makeIterator()
    }
}

/// Which cases a role's rule reaches for the holder of a grant.
public enum Scope: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Every case.
    case any
    /// Cases in the categories or subcategories the grant names (all, when it names none).
    case granted
    /// Cases assigned to the holder.
    case assigned
    /// Cases assigned to the holder and inside the grant's categories.
    case assignedAndGranted = "assigned and granted"

    public init?(words: String) {
        self.init(rawValue: words)
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var needsAssignment: Bool { self == .assigned || self == .assignedAndGranted }
    public var needsCoverage: Bool { self == .granted || self == .assignedAndGranted }
}

/// The citizen's choice of procedure (the ПОС widget's `fz59` flag).
public enum Regime: String, Sendable, Hashable, CaseIterable, Codable {
    /// Обращение under 59-ФЗ.
    case appeal
    /// Сообщение with accelerated terms.
    case message

    public var bit: UInt8 { self == .appeal ? 1 : 2 }
}

/// How the citizen reached the platform (order item 4).
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
    /// The ПОС widget on the organization's site or social-network page.
    case widget
    /// The personal account on Госуслуги.
    case epguAccount = "epgu_account"
    /// The Госуслуги mobile app.
    case mobileApp = "mobile_app"

    public var bit: UInt8 {
        switch self {
        case .widget: 1
        case .epguAccount: 2
        case .mobileApp: 4
        }
    }
}

/// What happens when the last day of a term is not a working day.
public enum DeadlineEndRuleSetting: String, Sendable, Hashable, CaseIterable, Codable {
    /// The order's rule (item 10): the preceding working day.
    case precedingWorkingDay = "preceding_working_day"
    /// The Civil Code's default: the next working day.
    case nextWorkingDay = "next_working_day"
}

/// A term: N calendar or working days.
public struct TermValue: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, Codable {
        case calendar, working
    }

    public var days: Int
    public var unit: Unit

    public init(days: Int, unit: Unit) {
        self.days = days
        self.unit = unit
    }

    public var description: String { "\(days) \(unit.rawValue) \(days == 1 ? "day" : "days")" }
}
