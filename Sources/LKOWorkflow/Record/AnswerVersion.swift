import LKOStore
import Foundation

/// One version of a case's answer, never changed after it is written (a trigger refuses updates):
/// each saved draft, the text submitted for approval, the text returned with the reviewer's
/// comment, and the text approved — which is the one sent to the applicant.
public struct AnswerVersion: Codable, Sendable, Equatable, SQLRecord {
    public enum Kind: String, Codable, Sendable {
        case draft, submitted, returned, approved
    }

    public var id: Int64
    public var caseID: Int64
    public var kind: Kind
    public var text: String
    public var author: String
    public var actingFor: String?
    public var at: String
    public var onDay: String
    public var comment: String

    enum CodingKeys: String, CodingKey {
        case id
        case caseID = "case_id"
        case kind, text, author
        case actingFor = "acting_for"
        case at
        case onDay = "on_day"
        case comment
    }

    static func append(_ db: SQLDatabase, caseID: Int64, kind: Kind, text: String, author: String, actingFor: String? = nil, at: String, onDay: String, comment: String = "") throws {
        try db.cachedStatement(sql: "INSERT INTO answer_versions(case_id, kind, text, author, acting_for, at, on_day, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [caseID, kind.rawValue, text, author, actingFor, at, onDay, comment])
    }

    /// Every version of a case's answer, oldest first.
    public static func all(_ db: SQLDatabase, caseID: Int64) throws -> [AnswerVersion] {
        try AnswerVersion.fetchAll(db.cachedStatement(sql: "SELECT * FROM answer_versions WHERE case_id = ? ORDER BY id"), arguments: [caseID])
    }
}
