import Foundation
import LKOCompiler
import LKOWorkflow

/// One row of a case list: what a queue shows, with no personal data of the applicant.
public struct CaseSummary: Sendable, Codable, Equatable {
    public var posNumber: String
    public var epguNumber: String?
    public var regime: String
    public var regimeTitle: String
    public var node: String
    public var categoryTitle: String
    public var subcategoryTitle: String
    public var state: String
    public var stateTitle: String
    public var assignee: String?
    public var assigneeName: String?
    /// The executor the case was handed over from during an absence.
    public var originalAssignee: String?
    public var originalAssigneeName: String?
    public var receivedOn: String
    /// `YYYY-MM-DD` (ISO in JSON; the pages show DD.MM.YYYY).
    public var deadline: String?
    public var deadlineText: String
    /// Working days from today to the deadline; negative when overdue.
    public var workingDaysLeft: Int?
    public var overdue: Bool
    /// Open, not overdue, ≤ 2 working days left.
    public var atRisk: Bool
    public var fastTrack: Bool

    enum CodingKeys: String, CodingKey {
        case posNumber = "pos_number"
        case epguNumber = "epgu_number"
        case regime
        case regimeTitle = "regime_title"
        case node
        case categoryTitle = "category_title"
        case subcategoryTitle = "subcategory_title"
        case state
        case stateTitle = "state_title"
        case assignee
        case assigneeName = "assignee_name"
        case originalAssignee = "original_assignee"
        case originalAssigneeName = "original_assignee_name"
        case receivedOn = "received_on"
        case deadline
        case deadlineText = "deadline_text"
        case workingDaysLeft = "working_days_left"
        case overdue
        case atRisk = "at_risk"
        case fastTrack = "fast_track"
    }
}

/// One line of a case's history, in ПОС's wording, with names.
public struct HistoryLine: Sendable, Codable, Equatable {
    public var at: String
    public var atText: String
    public var actor: String
    public var actorName: String
    public var actingFor: String?
    public var actingForName: String?
    public var action: String
    public var eventTitle: String
    public var fromState: String?
    public var toState: String
    public var toStateTitle: String
    public var assigneeBefore: String?
    public var assigneeAfter: String?
    public var assigneeAfterName: String?
    public var comment: String

    enum CodingKeys: String, CodingKey {
        case at
        case atText = "at_text"
        case actor
        case actorName = "actor_name"
        case actingFor = "acting_for"
        case actingForName = "acting_for_name"
        case action
        case eventTitle = "event_title"
        case fromState = "from_state"
        case toState = "to_state"
        case toStateTitle = "to_state_title"
        case assigneeBefore = "assignee_before"
        case assigneeAfter = "assignee_after"
        case assigneeAfterName = "assignee_after_name"
        case comment
    }
}

/// One immutable version of the answer: a draft, the text submitted, returned (with the
/// reviewer's comment) or approved — the approved one is what the applicant received.
public struct AnswerVersionView: Sendable, Codable, Equatable {
    public var kind: String
    public var kindTitle: String
    public var text: String
    public var author: String
    public var authorName: String
    public var actingFor: String?
    public var at: String
    public var atText: String
    public var comment: String

    enum CodingKeys: String, CodingKey {
        case kind
        case kindTitle = "kind_title"
        case text, author
        case authorName = "author_name"
        case actingFor = "acting_for"
        case at
        case atText = "at_text"
        case comment
    }
}

/// An action the caller could take on a case now (the policy, the state and separation of
/// duties all allow it).
public struct ActionOption: Sendable, Codable, Equatable {
    public var action: String
    public var title: String
}

/// Where the policy would send the case and why: a fast-track, an auto-rule, or the coordinator.
public struct RoutePreview: Sendable, Codable, Equatable {
    public var assignee: String?
    public var assigneeName: String?
    public var via: String
    public var rule: String?
    public var explanation: String

    enum CodingKeys: String, CodingKey {
        case assignee
        case assigneeName = "assignee_name"
        case via, rule, explanation
    }
}

/// A case as the person handling it sees it.
public struct CaseDetail: Sendable, Codable, Equatable {
    public var summary: CaseSummary
    public var description: String
    public var address: String
    public var locality: String?
    public var applicantName: String
    public var applicantContacts: String
    public var source: String?
    public var channel: String?
    public var moderationOn: String
    public var term: String
    public var extensionDays: Int
    public var extensionReason: String?
    public var answer: String?
    public var draftedBy: String?
    public var submittedBy: String?
    public var redirectedTo: String?
    public var routedBy: String
    public var history: [HistoryLine]
    /// Every version of the answer, oldest first.
    public var answers: [AnswerVersionView]
    public var redirectKind: String?
    public var answeredOn: String?
    public var actions: [ActionOption]
    /// For those who assign: what the policy would choose.
    public var route: RoutePreview?

    enum CodingKeys: String, CodingKey {
        case summary, description, address, locality
        case applicantName = "applicant_name"
        case applicantContacts = "applicant_contacts"
        case source, channel
        case moderationOn = "moderation_on"
        case term
        case extensionDays = "extension_days"
        case extensionReason = "extension_reason"
        case answer
        case draftedBy = "drafted_by"
        case submittedBy = "submitted_by"
        case redirectedTo = "redirected_to"
        case routedBy = "routed_by"
        case history, answers
        case redirectKind = "redirect_kind"
        case answeredOn = "answered_on"
        case actions, route
    }
}

/// Which queue a list shows.
public enum CaseView: String, Sendable, Codable, CaseIterable {
    /// Assigned to the caller (an executor's own work).
    case mine
    /// On approval, and the caller may approve or return it.
    case approval
    /// Received and waiting for the coordinator.
    case incoming
    /// Open and past the deadline.
    case overdue
    /// Everything the caller may view.
    case all
}

public struct CaseQuery: Sendable, Equatable {
    public var view: CaseView
    public var state: CaseState?
    public var assignee: String?
    /// A substring of the ПОС number.
    public var number: String?
    public var page: Int
    public var perPage: Int

    public static let maximumPerPage = 200

    public init(view: CaseView = .all, state: CaseState? = nil, assignee: String? = nil, number: String? = nil, page: Int = 1, perPage: Int = 50) {
        self.view = view
        self.state = state
        self.assignee = assignee
        self.number = number
        self.page = page
        self.perPage = perPage
    }
}

public struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var items: [Item]
    public var page: Int
    public var perPage: Int
    public var total: Int

    enum CodingKeys: String, CodingKey {
        case items, page
        case perPage = "per_page"
        case total
    }
}

/// What an action needs besides the case.
public struct ActionRequest: Sendable, Equatable {
    public var to: String?
    public var text: String?
    public var comment: String?
    public var days: Int?
    /// A redirect's kind: subordinate, superior, other_body, federal_email.
    public var kind: String?
    /// A redirect into another ЛКО of the region (its identifier): the case moves into its queue.
    public var organization: String?

    public init(to: String? = nil, text: String? = nil, comment: String? = nil, days: Int? = nil, kind: String? = nil, organization: String? = nil) {
        self.to = to
        self.text = text
        self.comment = comment
        self.days = days
        self.kind = kind
        self.organization = organization
    }
}
