/// The JSON of a coded message — a warning, an error or a finding a person reads:
/// `{"code": …, "message": …}`, the code stable and language-neutral, the message in Russian
/// (what the API and the console show). Decoded, the message is that Russian text as it stands.
public enum CodedMessageJSON {
    enum Keys: String, CodingKey { case code, message }

    public static func decode(from decoder: any Decoder) throws -> (code: String, message: Message) {
        let container = try decoder.container(keyedBy: Keys.self)
        let code = try container.decode(String.self, forKey: .code)
        let text = try container.decode(String.self, forKey: .message)
        return (code, Message(.verbatim, ["text": .text(text)]))
    }

    public static func encode(code: String, message: Message, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message.render(.ru), forKey: .message)
    }
}
