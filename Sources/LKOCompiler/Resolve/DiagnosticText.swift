import LKOCalendar
import LKOLanguage
import LKOMessages

// Pieces the compiler's diagnostics share, as catalog messages: the texts are rendered in a
// language only where a person reads them.

extension Message.Argument {
    /// A catalog message as an argument of another: `.catalog(.diagRuleAuto, ["id": …])`.
    static func catalog(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> Message.Argument {
        .message(Message(key, arguments))
    }
}

enum DiagnosticText {
    /// "auto-rule `id`" / "автоправило `id`".
    static func rule(_ id: String, isFastTrack: Bool) -> Message.Argument {
        .message(ruleMessage(id, isFastTrack: isFastTrack))
    }

    static func ruleMessage(_ id: String, isFastTrack: Bool) -> Message {
        Message(isFastTrack ? .diagRuleFast : .diagRuleAuto, ["id": .text(id)])
    }

    /// "auto-rule" / "автоправила" (Russian genitive: «у автоправила», «идентификатор фаст-трека»).
    static func ruleKindOf(isFastTrack: Bool) -> Message.Argument {
        .catalog(isFastTrack ? .diagBlockFastTrack : .diagBlockAutoRule)
    }

    /// "15 calendar days" / "15 календарных дней".
    static func term(_ term: TermValue) -> Message.Argument {
        Term.daysArgument(term.days, unit: term.unit == .calendar ? .calendarDays : .workingDays)
    }

    /// "90 days" / "90 дней".
    static func days(_ count: Int) -> Message.Argument {
        .pair(ru: Messages.count(count, .day, in: .ru), en: Messages.count(count, .day, in: .en))
    }

    /// " and 2 more" / " и ещё 2", or nothing.
    static func andMore(_ count: Int) -> Message.Argument {
        count > 0 ? .catalog(.diagAndMore, ["count": .text("\(count)")]) : .text("")
    }

    /// "category" / "категория".
    static func level(_ level: String) -> Message.Argument {
        switch level {
        case "category": .catalog(.diagLevelCategory)
        case "subcategory": .catalog(.diagLevelSubcategory)
        default: .catalog(.diagLevelFact)
        }
    }

    /// "a role" / "роль": help for a misspelled name, with its suggestion.
    static func suggestion(_ name: String, in candidates: [String], kind: Suggestions.Kind) -> Message.Argument {
        .message(Suggestions.message(for: name, in: candidates, kind: kind))
    }
}
