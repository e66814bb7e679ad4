/// Text chosen by someone outside (a login typed at the login form, a reason) made safe for
/// an audit entry: bounded in length, so a sender cannot grow the log by the megabyte, and with
/// control characters shown as escapes, so it cannot forge lines when the log is printed.
public enum AuditText {
    /// The longest outside-chosen value kept whole, in characters.
    public static let limit = 128

    public static func bounded(_ text: String, limit: Int = AuditText.limit) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return result + "…" }
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .format:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
