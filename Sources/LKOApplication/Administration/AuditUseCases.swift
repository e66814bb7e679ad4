import Foundation
import LKOCompiler
import LKOStore
import LKOMessages

public struct AuditEntryView: Sendable, Codable, Equatable {
    public var seq: Int64
    public var at: String
    public var atText: String
    public var actor: String
    public var actorName: String
    public var action: String
    public var object: String
    /// The entry's details as an object (never a JSON string inside JSON).
    public var details: [String: String]
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, at
        case atText = "at_text"
        case actor
        case actorName = "actor_name"
        case action, object, details, hash
    }
}

public struct AuditVerification: Sendable, Codable, Equatable {
    public var intact: Bool
    public var entries: Int
    public var headHash: String
    public var brokenAt: Int64?
    /// Where the chain breaks, why: in English (language-neutral, like the identifiers).
    public var reason: String?
    /// In Russian: what the API and the console show.
    public var message: String
    /// ``reason`` from the catalog (the CLI shows it in the reader's language); nil when the
    /// result came over the API.
    public var reasonText: Message? = nil

    enum CodingKeys: String, CodingKey {
        case intact, entries
        case headHash = "head_hash"
        case brokenAt = "broken_at"
        case reason, message
    }
}

extension LKOService {
    /// The newest entries first (`view_audit`).
    public func auditLog(_ caller: Caller, actor: String? = nil, object: String? = nil, page: Int = 1, perPage: Int = 100) throws -> Page<AuditEntryView> {
        try run {
            try store.authorize(caller.account, .viewAudit)
            // Bounded as the API documents (10⁹): a larger page would overflow the offset.
            guard (1...1_000_000_000).contains(page) else { throw AppError.invalid(.errPageRange, field: "page") }
            guard (1...500).contains(perPage) else { throw AppError.invalid(.errPerPageRange, ["maximum": "500"], field: "per_page") }
            let (entries, names) = try store.read { db in
                (try AuditLog.entries(db, filter: AuditLog.Filter(actor: actor, object: object)), try PersonNames.load(db))
            }
            let newestFirst = entries.reversed()
            let start = (page - 1) * perPage
            let slice = newestFirst.dropFirst(start).prefix(perPage)
            let zone = timeZone
            return Page(items: slice.map { entry in
                let details = (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? ["text": entry.details]
                return AuditEntryView(seq: entry.seq, at: entry.at, atText: RussianText.time(stored: entry.at, zone: zone), actor: entry.actor,
                                      actorName: names.name(entry.actor), action: entry.action, object: entry.object, details: details, hash: entry.hash)
            }, page: page, perPage: perPage, total: entries.count)
        }
    }

    public func verifyAudit(_ caller: Caller) throws -> AuditVerification {
        try run {
            try store.authorize(caller.account, .viewAudit)
            let result = try store.read { db in try AuditLog.verify(db) }
            if let broken = result.firstBreak {
                return AuditVerification(intact: false, entries: result.entries, headHash: result.headHash, brokenAt: broken.seq, reason: broken.reason,
                                         message: Message(.errAuditChainBroken, ["seq": .text("\(broken.seq)"), "reason": .message(broken.message)]).render(.ru), reasonText: broken.message)
            }
            return AuditVerification(intact: true, entries: result.entries, headHash: result.headHash, brokenAt: nil, reason: nil,
                                     message: Message(.errAuditChainIntact, ["entries": .text(Messages.count(result.entries, .entry, in: .ru))]).render(.ru))
        }
    }
}
