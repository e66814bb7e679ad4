/// One parsed policy file: its declarations in source order.
public struct PolicyFile: Sendable, Hashable {
    public var fileIndex: Int
    public var declarations: [Declaration]
    /// Comments after the last declaration.
    public var trailingComments: [Comment]

    public init(fileIndex: Int, declarations: [Declaration], trailingComments: [Comment]) {
        self.fileIndex = fileIndex
        self.declarations = declarations
        self.trailingComments = trailingComments
    }
}

/// A top-level declaration.
public enum Declaration: Sendable, Hashable {
    case organization(OrganizationDeclaration)
    case role(RoleDeclaration)
    case category(NodeDeclaration)
    case grant(GrantDeclaration)
    case autoRule(RuleDeclaration)
    case fastTrack(RuleDeclaration)
    case test(TestDeclaration)
    case calendar(CalendarDeclaration)
    case substitute(SubstituteDeclaration)
    case accept(AcceptDeclaration)

    public var trivia: Trivia {
        switch self {
        case .organization(let d): d.trivia
        case .role(let d): d.trivia
        case .category(let d): d.trivia
        case .grant(let d): d.trivia
        case .autoRule(let d), .fastTrack(let d): d.trivia
        case .test(let d): d.trivia
        case .calendar(let d): d.trivia
        case .substitute(let d): d.trivia
        case .accept(let d): d.trivia
        }
    }
}

/// A block's closing comments: comments written just before its `}`.
public typealias ClosingComments = [Comment]

// MARK: - organization

/// `organization "Title" { timezone "Europe/Moscow"  term appeal 30 calendar days  … }`
public struct OrganizationDeclaration: Sendable, Hashable {
    public var title: StringLiteral
    public var settings: [OrganizationSetting]
    public var trivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

public struct OrganizationSetting: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `timezone "Europe/Moscow"`
        case timeZone(StringLiteral)
        /// `term appeal 30 calendar days`
        case term(regime: Identifier, TermSyntax)
        /// `deadline preceding_working_day`
        case deadlineRule(Identifier)
        /// `executor_role executor`, `coordinator_role coordinator`
        case designatedRole(setting: Identifier, role: Identifier)
    }

    public var kind: Kind
    public var trivia: Trivia
    public var span: SourceSpan
}

/// `30 calendar days`, `5 working days` (`day` works for 1).
public struct TermSyntax: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case calendar, working
    }

    public var days: IntegerLiteral
    public var unit: Unit
    public var span: SourceSpan
}

// MARK: - role

/// `role executor "Исполнитель" { allow view, draft, submit on assigned }`
public struct RoleDeclaration: Sendable, Hashable {
    public var id: Identifier
    public var title: StringLiteral
    public var rules: [RoleRule]
    public var trivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

/// `allow ACTION, … on SCOPE`
public struct RoleRule: Sendable, Hashable {
    public var actions: [Identifier]
    public var scope: ScopeSyntax
    public var trivia: Trivia
    public var span: SourceSpan
}

/// `any`, `granted`, `assigned`, or `assigned and granted`.
public struct ScopeSyntax: Sendable, Hashable {
    public var words: [Identifier]
    public var span: SourceSpan

    public var text: String { words.map(\.name).joined(separator: " ") }
}

// MARK: - categories

/// `category`, `subcategory` or `fact` with an id, a title and an optional body.
public struct NodeDeclaration: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, Comparable, CaseIterable {
        case category, subcategory, fact

        public var depth: Int {
            switch self {
            case .category: 0
            case .subcategory: 1
            case .fact: 2
            }
        }

        public var child: Level? {
            switch self {
            case .category: .subcategory
            case .subcategory: .fact
            case .fact: nil
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.depth < rhs.depth }
    }

    public var level: Level
    public var id: Identifier
    public var title: StringLiteral
    public var items: [NodeItem]
    /// Whether the declaration had a `{ … }` body (kept by the formatter for empty bodies too).
    public var hasBody: Bool
    public var trivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

public struct NodeItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `term 10 calendar days`, or per regime: `term message 10 calendar days`.
        case term(regime: Identifier?, TermSyntax)
        /// `accelerated`
        case accelerated
        case child(NodeDeclaration)
    }

    public var kind: Kind
    public var trivia: Trivia
    public var span: SourceSpan
}

// MARK: - grants

/// `grant ROLE to LOGIN [on PATH, …] [from DATE] [until DATE]`
public struct GrantDeclaration: Sendable, Hashable {
    public var role: Identifier
    public var login: Identifier
    public var nodes: [NodePath]
    public var from: DateLiteral?
    public var until: DateLiteral?
    public var trivia: Trivia
    public var span: SourceSpan
}

// MARK: - auto-rules and fast-tracks

/// `autorule ID priority N { when … assign LOGIN }` and
/// `fasttrack ID "Title" priority N { when … assign LOGIN term 5 calendar days }`.
public struct RuleDeclaration: Sendable, Hashable {
    public var id: Identifier
    public var title: StringLiteral?
    public var priority: IntegerLiteral?
    public var conditions: [MatchCondition]
    public var target: RuleTarget?
    public var term: TermSyntax?
    public var trivia: Trivia
    public var targetTrivia: Trivia
    public var termTrivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

/// `when FIELD VALUE, VALUE…`
public struct MatchCondition: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case category, subcategory, fact, regime, channel, source, locality
    }

    public var field: Field
    public var fieldSpan: SourceSpan
    public var values: [MatchValue]
    public var trivia: Trivia
    public var span: SourceSpan
}

public enum MatchValue: Sendable, Hashable {
    case path(NodePath)
    case name(Identifier)
    case text(StringLiteral)

    public var span: SourceSpan {
        switch self {
        case .path(let path): path.span
        case .name(let identifier): identifier.span
        case .text(let literal): literal.span
        }
    }

    public var text: String {
        switch self {
        case .path(let path): path.description
        case .name(let identifier): identifier.name
        case .text(let literal): literal.value
        }
    }
}

/// `assign LOGIN` or `leave to coordinator`.
public enum RuleTarget: Sendable, Hashable {
    case login(Identifier)
    case coordinator(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .login(let identifier): identifier.span
        case .coordinator(let span): span
        }
    }
}

// MARK: - tests

/// `test "name" { at DATE  expect … }`
public struct TestDeclaration: Sendable, Hashable {
    public var name: StringLiteral
    public var at: DateLiteral?
    public var expectations: [Expectation]
    public var trivia: Trivia
    /// Trivia of the `at` line, when present.
    public var atTrivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

public struct Expectation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `expect allow|deny LOGIN ACTION case { … }`
        case decision(allow: Bool, login: Identifier, action: Identifier, CaseDescription)
        /// `expect route case { … } to LOGIN|coordinator [via autorule|fasttrack ID]`
        case route(CaseDescription, target: RuleTarget, via: RouteVia?)
    }

    public var kind: Kind
    public var trivia: Trivia
    public var span: SourceSpan
}

/// `via autorule ID` / `via fasttrack ID`
public struct RouteVia: Sendable, Hashable {
    public var kind: Identifier
    public var id: Identifier
}

/// `case { subcategory roads.potholes  regime message  assignee roads_specialist  at 2026-03-02 }`
public struct CaseDescription: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var key: Identifier
        public var value: MatchValue
        public var date: DateLiteral?
    }

    public var fields: [Field]
    public var span: SourceSpan
}

// MARK: - calendar

/// `calendar { year 2028 "ПП РФ …"  day_off 2028-01-09 "…"  workday 2028-… "…" }`
public struct CalendarDeclaration: Sendable, Hashable {
    public var entries: [CalendarEntry]
    public var trivia: Trivia
    public var closingComments: ClosingComments
    public var span: SourceSpan
}

public struct CalendarEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case year(IntegerLiteral)
        case dayOff(DateLiteral)
        case workday(DateLiteral)
    }

    public var kind: Kind
    public var source: StringLiteral
    public var trivia: Trivia
    public var span: SourceSpan
}

// MARK: - substitute eligibility

/// `substitute LOGIN, … for LOGIN|anyone [on PATH, …] [as executor|approver]`
///
/// Who may stand in for whom during an absence recorded in the database (order items 9, 12):
/// person for person (`for roads_specialist`) or a pool for part of the tree (`for anyone on
/// housing`). The substitute then gets, for the absence's days only, the absentee's executor
/// scope (`as executor`, the default) or approver scope (`as approver`).
public struct SubstituteDeclaration: Sendable, Hashable {
    public var substitutes: [Identifier]
    /// nil: `anyone` (a pool).
    public var absentee: Identifier?
    /// The `anyone` keyword, when the declaration names a pool.
    public var anyoneSpan: SourceSpan?
    public var nodes: [NodePath]
    /// `executor` or `approver`; nil means `executor`.
    public var kind: Identifier?
    public var trivia: Trivia
    public var span: SourceSpan
}

// MARK: - accepted findings

/// `accept CODE for SUBJECT, … because "reason"`: a lint finding reviewed and kept on purpose.
public struct AcceptDeclaration: Sendable, Hashable {
    public var code: Identifier
    /// Logins, rule ids, role ids or node paths the finding names.
    public var subjects: [NodePath]
    public var reason: StringLiteral
    public var trivia: Trivia
    public var span: SourceSpan
}
