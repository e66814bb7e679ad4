/// Text chosen by someone outside (a login typed at the login form, a reason) made safe for
/// an audit entry: bounded in length, so a sender cannot grow the log by the megabyte, and with
/// control characters, line separators and bidirectional overrides shown as escapes, so it
/// cannot forge or disguise lines when the log is printed.
public enum AuditText {
    /// The longest outside-chosen value kept whole, in characters (escapes included).
    public static let limit = 128

    public static func bounded(_ text: String, limit: Int = AuditText.limit) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            let piece: String
            if isUnsafe(scalar) {
                piece = "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                piece = String(scalar)
            }
            if count + piece.count > limit { return result + "…" }
            result += piece
            count += piece.count
        }
        return result
    }

    /// C0/C1 controls (tab too), line and paragraph separators, and the bidirectional
    /// embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }
}
