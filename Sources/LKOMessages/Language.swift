import Foundation

/// The language of what a person reads. Russian is the default; English is chosen with
/// `LKO_LANG=en`, or — when `LKO_LANG` is unset or empty — with an English locale in `LC_ALL`,
/// `LC_MESSAGES` or `LANG` (the first one set, as POSIX orders them). `C`, `POSIX`, `C.UTF-8`
/// and anything else that is not `en…` mean Russian: the people who read lko are Russian-speaking
/// municipal staff, and a server's neutral locale should not switch them to English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ru, en

    /// The language chosen by an environment (see the type's comment).
    public static func resolve(_ environment: [String: String]) -> Language {
        if let explicit = environment["LKO_LANG"], !explicit.isEmpty {
            return explicit.lowercased().hasPrefix("en") ? .en : .ru
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .ru
        }
        return .ru
    }

    /// The language of this process, read once from its environment.
    public static let current: Language = resolve(ProcessInfo.processInfo.environment)
}
