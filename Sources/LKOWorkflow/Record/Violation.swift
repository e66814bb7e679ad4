import LKOStore
import Foundation

/// A breach of a term, recorded when it happens (order item 15: «выявление фактов нарушений … и
/// чьи действия (бездействие)»): an answer sent after its deadline, an appeal redirected later
/// than 7 days after registration (59-ФЗ ст. 8 ч. 3). Cases overdue now are computed live.
public struct Violation: Codable, Sendable, Equatable, SQLRecord {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case lateAnswer = "late_answer"
        case lateRedirect = "late_redirect"
        case lateExtension = "late_extension"
    }

    /// Whose stage held the case past its term, and for how many days.
    public struct Holder: Codable, Sendable, Equatable {
        public var login: String
        public var days: Int
    }

    public var id: Int64
    public var caseID: Int64
    public var kind: Kind
    public var onDay: String
    public var deadline: String?
    public var calendarDays: Int
    public var workingDays: Int
    /// JSON array of ``Holder``.
    public var responsible: String
    public var detail: String
    public var at: String

    enum CodingKeys: String, CodingKey {
        case id
        case caseID = "case_id"
        case kind
        case onDay = "on_day"
        case deadline
        case calendarDays = "calendar_days"
        case workingDays = "working_days"
        case responsible, detail, at
    }

    public var holders: [Holder] {
        (try? JSONDecoder().decode([Holder].self, from: Data(responsible.utf8))) ?? []
    }

    static func append(_ db: SQLDatabase, caseID: Int64, kind: Kind, onDay: String, deadline: String?, calendarDays: Int, workingDays: Int, holders: [Holder], detail: String, at: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let responsible = String(decoding: try encoder.encode(holders), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO violations(case_id, kind, on_day, deadline, calendar_days, working_days, responsible, detail, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, kind.rawValue, onDay, deadline, calendarDays, workingDays, responsible, detail, at])
    }
}
