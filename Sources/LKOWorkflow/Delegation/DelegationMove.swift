import LKOStore
import Foundation
import LKOMessages

/// One case moved (or kept) when an absence started or ended: what `lko tick`, the CLI's
/// catch-up and the server's ticker report. ``message`` is for people (full names where the
/// database knows them, in the reader's language); ``description`` is the English line with
/// logins, for logs and tests.
public struct DelegationMove: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// To the substitute (or to the coordinator's queue, `to` nil) at the start.
        case handover
        /// Back to the returning executor at the end.
        case handback
        /// Not handed back: the returning person is no longer an executor on the case's node.
        case stays
    }

    public var kind: Kind
    public var posNumber: String
    public var absence: Int64
    /// Who held the case before (nil: nobody).
    public var from: String?
    /// Who holds it now (nil: the coordinator's queue).
    public var to: String?
    /// For `stays`: the returning person, the case's node and the day back.
    public var returning: String?
    public var node: String?
    public var day: String?
    /// Full names by login, where known.
    public var names: [String: String] = [:]

    public init(kind: Kind, posNumber: String, absence: Int64, from: String?, to: String?, returning: String? = nil, node: String? = nil, day: String? = nil,
                names: [String: String] = [:]) {
        self.kind = kind
        self.posNumber = posNumber
        self.absence = absence
        self.from = from
        self.to = to
        self.returning = returning
        self.node = node
        self.day = day
        self.names = names
    }

    /// For people: `сообщение R1: Иванова Мария Петровна → Петров Иван Сергеевич (отсутствие № 1)`.
    public var message: Message { message { login in names[login].flatMap { $0.isEmpty ? nil : $0 } ?? login } }

    /// In English with logins: `case R1: roads_specialist → roads_deputy (absence #1)`.
    public var description: String { message { $0 }.render(.en) }

    func message(naming name: (String) -> String) -> Message {
        func person(_ login: String?) -> Message.Argument { login.map { .text(name($0)) } ?? "-" }
        switch kind {
        case .handover:
            return Message(.delegationMoveHandover, [
                "number": .text(posNumber), "from": person(from), "to": to.map { .text(name($0)) } ?? .message(Message(.coordinatorQueue)), "id": .text("\(absence)"),
            ])
        case .handback:
            return Message(.delegationMoveHandback, ["number": .text(posNumber), "from": person(from), "to": person(to), "id": .text("\(absence)")])
        case .stays:
            return Message(.delegationMoveStays, [
                "number": .text(posNumber), "holder": person(from), "login": person(returning), "node": .text(node ?? ""), "day": .text(day.map { peopleDate(iso: $0) } ?? ""),
            ])
        }
    }

    /// The full names of the people `moves` mention.
    static func named(_ moves: [DelegationMove], in db: SQLDatabase) throws -> [DelegationMove] {
        guard !moves.isEmpty else { return moves }
        var names: [String: String] = [:]
        for row in try SQLRow.fetchAll(db, sql: "SELECT login, full_name FROM accounts") { names[row["login"]] = row["full_name"] }
        return moves.map { move in
            var copy = move
            for login in [move.from, move.to, move.returning].compactMap({ $0 }) { copy.names[login] = names[login] }
            return copy
        }
    }
}
