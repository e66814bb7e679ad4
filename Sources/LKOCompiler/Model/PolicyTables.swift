/// The compiled policy as plain tables: what `lko compile` writes, what the store keeps for each
/// policy version, and the only thing the workflow core reads. The layout is documented column by
/// column in `docs/tables.md`.
///
/// Rows are in a canonical order (nodes in tree order, everything else sorted by its key), so
/// the same policy always gives byte-identical output, whatever the order of files and
/// declarations. `version` is a SHA-256 over the tables without source positions: reformatting or
/// reordering a policy does not make a new version.
public struct PolicyTables: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int = PolicyTables.currentFormat
    /// `sha256:<hex>` of the canonical tables without positions.
    public var version: String = ""
    public var organization: OrganizationRow
    public var actions: [ActionRow]
    public var roles: [RoleRow]
    public var roleActions: [RoleActionRow]
    public var nodes: [NodeRow]
    public var logins: [String]
    public var grants: [GrantRow]
    public var permissions: [PermissionRow]
    public var autoRules: [RuleRow]
    public var fastTracks: [RuleRow]
    /// For each node, the rules to try in order (fast-tracks first): the routing decision table.
    public var routes: [RouteRow]
    public var calendar: [CalendarRow]
    public var calendarYears: [CalendarYearRow]
    public var sources: [SourceRow]
    /// Substitute eligibility (`substitute … for …`); nil when the policy declares none, so
    /// policies without it keep their version hash.
    public var substitutes: [SubstituteRow]?
    /// Lint findings accepted with a reason (`accept … because …`); nil when none.
    public var acceptances: [AcceptanceRow]?
}

/// Who may stand in for whom during an absence recorded in the database: for the absence's days
/// the substitute gets the absentee's executor (or approver) scope, within `nodes`.
public struct SubstituteRow: Codable, Sendable, Equatable, Hashable {
    /// `executor` (order item 9) or `approver` (order item 12).
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case executor, approver
    }

    public var substitute: String
    /// nil: anyone (a pool).
    public var absentee: String?
    /// Node paths; empty means the whole tree.
    public var nodes: [String]
    public var kind: Kind
    public var position: String
}

/// A lint finding reviewed and accepted: `code` findings naming any of `subjects`.
public struct AcceptanceRow: Codable, Sendable, Equatable, Hashable {
    public var code: String
    public var subjects: [String]
    public var reason: String
    public var position: String
}

public struct OrganizationRow: Codable, Sendable, Equatable {
    public var title: String
    public var timeZone: String
    public var appealTerm: TermValue
    public var messageTerm: TermValue
    public var deadlineRule: DeadlineEndRuleSetting
    /// The role whose holders may be assigned cases (the order's «Исполнитель»).
    public var executorRole: String
    /// The role that distributes cases (the order's «Координатор»).
    public var coordinatorRole: String
    public var position: String
}

public struct ActionRow: Codable, Sendable, Equatable {
    public var action: String
    public var administrative: Bool
}

public struct RoleRow: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var position: String
}

public struct RoleActionRow: Codable, Sendable, Equatable, Hashable {
    public var role: String
    public var action: String
    public var scope: Scope
    public var position: String
}

/// One node of the category tree, in depth-first order. The subtree of node `i` is the index
/// range `[i, subtreeEnd)`, so "is this case inside that category" is two comparisons.
public struct NodeRow: Codable, Sendable, Equatable {
    public var index: Int
    /// `roads`, `roads.potholes`, `roads.potholes.pit`.
    public var path: String
    public var level: String
    public var title: String
    public var parent: Int?
    public var subtreeEnd: Int
    /// The term written on this node, if any (per regime).
    public var ownAppealTerm: TermValue?
    public var ownMessageTerm: TermValue?
    /// The effective term after inheritance from parents and the organization defaults.
    public var appealTerm: TermValue
    public var messageTerm: TermValue
    /// Accelerated here or inherited from a parent.
    public var accelerated: Bool
    public var position: String
}

public struct GrantRow: Codable, Sendable, Equatable {
    public var index: Int
    public var login: String
    public var role: String
    /// Node paths; empty means the whole tree.
    public var nodes: [String]
    /// Inclusive validity, `YYYY-MM-DD`; nil means unbounded.
    public var from: String?
    public var until: String?
    public var position: String
}

/// One effective permission: `login` may do `action` on cases within `scope` (and `nodes`, for
/// the granted scopes) while the grant is valid.
public struct PermissionRow: Codable, Sendable, Equatable, Hashable {
    public var login: String
    public var action: String
    public var scope: Scope
    public var nodes: [String]
    public var from: String?
    public var until: String?
    public var grant: Int
    public var role: String
}

public struct RuleRow: Codable, Sendable, Equatable {
    public var id: String
    public var title: String?
    public var priority: Int
    /// Node paths matched (any of); empty means every node.
    public var nodes: [String]
    /// Empty means any.
    public var regimes: [String]
    public var channels: [String]
    public var sources: [String]
    public var localities: [String]
    /// A login, or nil for "leave to coordinator".
    public var assignee: String?
    public var term: TermValue?
    public var position: String
}

public struct RouteRow: Codable, Sendable, Equatable {
    public var node: String
    public var order: Int
    /// `fasttrack` or `autorule`.
    public var kind: String
    public var rule: String
}

public struct CalendarRow: Codable, Sendable, Equatable {
    public var date: String
    /// `day_off` or `workday`.
    public var kind: String
    public var source: String
    public var position: String
}

public struct CalendarYearRow: Codable, Sendable, Equatable {
    public var year: Int
    public var source: String
    public var position: String
}

public struct SourceRow: Codable, Sendable, Equatable {
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
}
