import Foundation

/// Why a token presented by a client is not a session token this module could have issued.
///
/// The store should answer every case like an unknown token ("please log in again"); the
/// detail is for logs.
public enum SessionTokenError: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
    /// The text has the wrong number of characters.
    case wrongLength(characters: Int, expected: Int)
    /// The text is not canonical unpadded base64url (`A–Z a–z 0–9 - _`).
    case notBase64URL

    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case let .wrongLength(characters, expected):
            return "The session token has \(characters) characters; a valid one has exactly \(expected)."
        case .notBase64URL:
            return "The session token contains characters outside base64url (A–Z, a–z, 0–9, '-', '_') "
                + "or is not in canonical form."
        }
    }
}
