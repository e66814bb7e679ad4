import LKOStore
import Foundation
import LKOCompiler

/// A case as stored: one ПОС сообщение or обращение.
public struct CaseRecord: Codable, Sendable, Equatable, SQLRecord {
    public var id: Int64
    public var posNumber: String
    public var epguNumber: String?
    public var regime: Regime
    public var node: String
    public var source: String?
    public var channel: Channel?
    public var locality: String?
    public var address: String
    public var description: String
    /// Personal data: shown only to those who may view the case, never logged.
    public var applicantName: String
    public var applicantContacts: String
    public var receivedOn: String
    /// Day 0 of the term (order item 10).
    public var moderationOn: String
    public var state: CaseState
    public var assignee: String?
    /// The executor a delegation moved the case away from (kept on the case).
    public var originalAssignee: String?
    public var routedBy: String
    public var fastTrack: Bool
    public var termDays: Int
    public var termUnit: String
    public var extensionDays: Int
    public var extensionReason: String?
    public var deadline: String?
    public var deadlineNote: String?
    public var answer: String?
    public var draftedBy: String?
    /// When the draft was written by a substitute: the executor they acted for.
    public var draftedFor: String?
    public var submittedBy: String?
    public var redirectedTo: String?
    public var createdAt: String
    public var updatedAt: String
    /// subordinate, superior, other_body or federal_email (ПОС's kinds of redirect).
    public var redirectKind: String? = nil
    /// Why an appeal was redirected later than 7 days after registration (59-ФЗ ст. 8 ч. 3).
    public var redirectReason: String? = nil
    /// The day the answer went to the applicant.
    public var answeredOn: String? = nil

    enum CodingKeys: String, CodingKey {
        case id
        case posNumber = "pos_number"
        case epguNumber = "epgu_number"
        case regime, node, source, channel, locality, address, description
        case applicantName = "applicant_name"
        case applicantContacts = "applicant_contacts"
        case receivedOn = "received_on"
        case moderationOn = "moderation_on"
        case state, assignee
        case originalAssignee = "original_assignee"
        case routedBy = "routed_by"
        case fastTrack = "fast_track"
        case termDays = "term_days"
        case termUnit = "term_unit"
        case extensionDays = "extension_days"
        case extensionReason = "extension_reason"
        case deadline
        case deadlineNote = "deadline_note"
        case answer
        case draftedBy = "drafted_by"
        case draftedFor = "drafted_for"
        case submittedBy = "submitted_by"
        case redirectedTo = "redirected_to"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case redirectKind = "redirect_kind"
        case redirectReason = "redirect_reason"
        case answeredOn = "answered_on"
    }

    public var term: TermValue {
        TermValue(days: termDays, unit: termUnit == "working" ? .working : .calendar)
    }

    /// The attributes routing and decisions read.
    public var attributes: CaseAttributes {
        CaseAttributes(node: node, regime: regime, channel: channel, source: source, locality: locality, assignee: assignee)
    }

    static func fetch(_ db: SQLDatabase, posNumber: String) throws -> CaseRecord? {
        try CaseRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM cases WHERE pos_number = ?"), arguments: [posNumber])
    }
}

/// One line of a case's history: who did what, when, acting for whom, from → to.
public struct CaseEvent: Codable, Sendable, Equatable, SQLRecord {
    public var id: Int64
    public var caseID: Int64
    public var at: String
    public var onDay: String
    public var actor: String
    public var actingFor: String?
    public var action: String
    public var fromState: String?
    public var toState: String
    public var assigneeBefore: String?
    public var assigneeAfter: String?
    public var comment: String

    enum CodingKeys: String, CodingKey {
        case id
        case caseID = "case_id"
        case at
        case onDay = "on_day"
        case actor
        case actingFor = "acting_for"
        case action
        case fromState = "from_state"
        case toState = "to_state"
        case assigneeBefore = "assignee_before"
        case assigneeAfter = "assignee_after"
        case comment
    }

    static func append(_ db: SQLDatabase, caseID: Int64, at: String, onDay: String, actor: String, actingFor: String? = nil, action: String, from: CaseState?, to: CaseState, assigneeBefore: String?, assigneeAfter: String?, comment: String = "") throws {
        try db.cachedStatement(sql: "INSERT INTO case_events(case_id, at, on_day, actor, acting_for, action, from_state, to_state, assignee_before, assignee_after, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [caseID, at, onDay, actor, actingFor, action, from?.rawValue, to.rawValue, assigneeBefore, assigneeAfter, comment])
    }

    static func history(_ db: SQLDatabase, caseID: Int64) throws -> [CaseEvent] {
        try CaseEvent.fetchAll(db, sql: "SELECT * FROM case_events WHERE case_id = ? ORDER BY id", arguments: [caseID])
    }
}
