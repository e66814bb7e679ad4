import Foundation
import LKOCalendar
import LKOMessages

extension DelegationPlan {
    /// An error or a warning of a plan (or a finding of `delegation check`): a stable,
    /// language-neutral code and the message for people, rendered from the catalog in the
    /// reader's language. In JSON: `{"code": …, "message": …}`, the message in Russian (what the
    /// API and the console show); decoded, the message is that Russian text.
    public struct Issue: Sendable, Equatable, Codable, CustomStringConvertible {
        public var code: String
        public var message: Message

        public init(_ code: String, _ message: Message) {
            self.code = code
            self.message = message
        }

        init(_ code: String, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            self.init(code, Message(key, arguments))
        }

        /// The message in a language; `name` turns the logins it mentions into what people
        /// call them (the console shows full names).
        public func text(_ language: Language, name: (String) -> String = { $0 }) -> String {
            message.naming(name).render(language)
        }

        /// In English (logs, tests).
        public var description: String { message.render(.en) }

        public init(from decoder: any Decoder) throws {
            (code, message) = try CodedMessageJSON.decode(from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try CodedMessageJSON.encode(code: code, message: message, to: encoder)
        }
    }
}

extension Message {
    /// The arguments that name people (a login) in the delegation's messages.
    static let personArguments: Set<String> = ["login", "substitute", "person"]

    /// The same message with every login it mentions (in `login`, `substitute` and `person`
    /// arguments, at any depth) passed through `name`.
    public func naming(_ name: (String) -> String) -> Message {
        var copy = self
        for (key, argument) in arguments {
            switch argument {
            case .text(let text) where Self.personArguments.contains(key): copy.arguments[key] = .text(name(text))
            case .message(let inner): copy.arguments[key] = .message(inner.naming(name))
            case .messages(let inner, let separator): copy.arguments[key] = .messages(inner.map { $0.naming(name) }, separator: separator)
            default: break
            }
        }
        return copy
    }
}

/// A day as people read it: `06.03.2026` (ISO 8601 stays in JSON).
func peopleDate(_ day: CalendarDate) -> String {
    let parts = day.description.split(separator: "-")
    guard parts.count == 3 else { return day.description }
    return "\(parts[2]).\(parts[1]).\(parts[0])"
}

func peopleDate(iso: String) -> String {
    CalendarDate(iso: iso).map(peopleDate) ?? iso
}
