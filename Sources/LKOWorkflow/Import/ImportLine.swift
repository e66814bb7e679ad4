import Foundation
import LKOMessages
import LKOCalendar
import LKOCompiler

/// One line of `lko case import`: a case as exported from ПОС (see `docs/import.md`).
struct ImportLine: Decodable {
    struct Applicant: Decodable {
        var name: String?
        var contacts: String?
    }

    var posNumber: String
    var epguNumber: String?
    var regime: String?
    var fz59: Bool?
    var category: String?
    var subcategory: String?
    var fact: String?
    var source: String?
    var channel: String?
    var locality: String?
    var address: String?
    var description: String?
    var applicant: Applicant?
    var receivedAt: String
    var moderationAt: String?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case posNumber = "pos_number"
        case epguNumber = "epgu_number"
        case regime, fz59, category, subcategory, fact, source, channel, locality, address, description, applicant
        case receivedAt = "received_at"
        case moderationAt = "moderation_at"
        case status
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // ПОС numbers come as numbers or strings; keep them as text.
        if let text = try? container.decode(String.self, forKey: .posNumber) {
            posNumber = text
        } else if let number = try? container.decode(Int64.self, forKey: .posNumber) {
            posNumber = String(number)
        } else {
            throw ImportError(.impPosNumberMissing)
        }
        // The ЕПГУ number likewise: text, or a whole number kept as its digits — never dropped.
        let epguIsNull = try container.contains(.epguNumber) ? container.decodeNil(forKey: .epguNumber) : true
        if epguIsNull {
            epguNumber = nil
        } else if let text = try? container.decode(String.self, forKey: .epguNumber) {
            epguNumber = text
        } else if let number = try? container.decode(UInt64.self, forKey: .epguNumber) {
            epguNumber = String(number)
        } else if let number = try? container.decode(Decimal.self, forKey: .epguNumber), number >= 0, ImportLine.isWhole(number) {
            epguNumber = "\(number)"
        } else {
            throw ImportError(.impEpguNumberType)
        }
        regime = try container.decodeIfPresent(String.self, forKey: .regime)
        fz59 = try container.decodeIfPresent(Bool.self, forKey: .fz59)
        category = try container.decodeIfPresent(String.self, forKey: .category)
        subcategory = try container.decodeIfPresent(String.self, forKey: .subcategory)
        fact = try container.decodeIfPresent(String.self, forKey: .fact)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        channel = try container.decodeIfPresent(String.self, forKey: .channel)
        locality = try container.decodeIfPresent(String.self, forKey: .locality)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        applicant = try container.decodeIfPresent(Applicant.self, forKey: .applicant)
        guard let received = try container.decodeIfPresent(String.self, forKey: .receivedAt) else {
            throw ImportError(.impReceivedAtMissing)
        }
        receivedAt = received
        moderationAt = try container.decodeIfPresent(String.self, forKey: .moderationAt)
        status = try container.decodeIfPresent(String.self, forKey: .status)
    }
}

/// Why a line of an import is refused: a message of the catalog (people read it in their
/// language; the report's JSON keeps the English).
struct ImportError: Error, CustomStringConvertible {
    var message: Message
    init(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) { message = Message(key, arguments) }
    var description: String { message.render(.en) }
}

/// A decoded line checked against the policy: ready to store.
struct ValidatedImport {
    var line: ImportLine
    var regime: Regime
    var node: String
    var channel: Channel?
    var received: String
    var moderation: String
    /// moderation | rejected | received
    var status: String
}

extension ImportLine {
    /// Dates may carry a time (`2026-03-02T10:15:00+03:00`); the day is what counts.
    static func day(_ text: String) -> String? {
        let day = String(text.prefix(10))
        return CalendarDate(iso: day) != nil ? day : nil
    }

    static func isWhole(_ number: Decimal) -> Bool {
        var value = number
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == number
    }

    /// The first control or invisible formatting character (a NUL cuts text short in SQLite;
    /// others make two numbers look alike), as `U+XXXX`.
    static func hiddenCharacter(_ text: String) -> String? {
        text.unicodeScalars.first { [.control, .format].contains($0.properties.generalCategory) }
            .map { "U+" + String(format: "%04X", $0.value) }
    }

    /// The text with hidden characters spelled out, for a message.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { [.control, .format].contains($0.properties.generalCategory) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    func validated(policy: CompiledPolicy) throws -> ValidatedImport {
        // Identifiers: no control or formatting characters at all (a NUL would cut the number
        // short, and a later different number would then look "unchanged").
        for (field, value) in [("pos_number", Optional(posNumber)), ("epgu_number", epguNumber)] {
            if let value, let hidden = ImportLine.hiddenCharacter(value) {
                throw ImportError(.impControlCharacter, ["field": .text(field), "value": .text(String(ImportLine.visible(value).prefix(80))), "hidden": .text(hidden)])
            }
        }
        if let digits = epguNumber, digits.count > 64 { throw ImportError(.impEpguTooLong) }
        // Free text may hold line breaks and tabs, but not NUL: SQLite would cut the text there.
        for (field, value) in [("category", category), ("subcategory", subcategory), ("fact", fact), ("source", source), ("channel", channel), ("locality", locality),
                               ("address", address), ("description", description), ("applicant.name", applicant?.name), ("applicant.contacts", applicant?.contacts),
                               ("received_at", receivedAt), ("moderation_at", moderationAt), ("status", status), ("regime", regime)] {
            if let value, value.unicodeScalars.contains("\u{0}") { throw ImportError(.impNULCharacter, ["field": .text(field)]) }
        }
        guard !posNumber.isEmpty, posNumber.count <= 64, !posNumber.contains(where: { $0.isWhitespace }) else {
            throw ImportError(.impPosNumberForm)
        }
        let regime: Regime
        if let text = self.regime {
            guard let value = Regime(rawValue: text) else { throw ImportError(.impRegimeValue, ["value": .text(text)]) }
            regime = value
        } else if let fz59 {
            regime = fz59 ? .appeal : .message
        } else {
            throw ImportError(.impRegimeMissing)
        }
        let nodeIndex: Int?
        if let fact {
            nodeIndex = policy.nodeIndex(fact) ?? policy.nodeIndex([category, subcategory, fact].compactMap { $0 }.joined(separator: "."))
        } else {
            nodeIndex = policy.nodeIndex(category: category, subcategory: subcategory)
        }
        guard let nodeIndex else {
            let named = [category, subcategory, fact].compactMap { $0 }.joined(separator: ".")
            throw named.isEmpty ? ImportError(.impNoNode) : ImportError(.impUnknownNode, ["node": .text(named)])
        }
        // ПОС classifies every case at least to a subcategory; routing and lint reason over
        // subcategories and facts, so a case filed under a category alone is refused.
        let row = policy.node(nodeIndex)
        if row.level == "category", row.subtreeEnd > row.index + 1 {
            throw ImportError(.impNodeIsCategory, ["node": .text(row.path)])
        }
        var channel: Channel?
        if let text = self.channel {
            guard let value = Channel(rawValue: text) else { throw ImportError(.impChannelValue, ["value": .text(text)]) }
            channel = value
        }
        guard let received = ImportLine.day(receivedAt) else { throw ImportError(.impReceivedAtNotDate, ["value": .text(receivedAt)]) }
        let moderation: String
        if let text = moderationAt {
            guard let day = ImportLine.day(text) else { throw ImportError(.impModerationAtNotDate, ["value": .text(text)]) }
            moderation = day
        } else {
            moderation = received
        }
        let status = status ?? "received"
        guard ["moderation", "rejected", "received"].contains(status) else {
            throw ImportError(.impStatusValue, ["value": .text(status)])
        }
        for (field, value) in [("address", address), ("description", description), ("applicant.name", applicant?.name), ("applicant.contacts", applicant?.contacts)] {
            if let value, value.utf8.count > 100_000 { throw ImportError(.impFieldTooLong, ["field": .text(field)]) }
        }
        return ValidatedImport(line: self, regime: regime, node: policy.node(nodeIndex).path, channel: channel, received: received, moderation: moderation, status: status)
    }
}
