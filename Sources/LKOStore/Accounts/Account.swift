import Foundation
import LKOMessages

/// A person who can log in to lko. Logins are the same identifiers the policy's grants name.
public struct Account: Codable, Sendable, Equatable, SQLRecord {
    public enum Status: String, Codable, Sendable {
        case active, disabled
    }

    public var login: String
    public var fullName: String
    public var position: String
    public var department: String
    public var email: String
    public var status: Status
    public var failedLogins: Int
    public var lockedUntil: String?
    /// The account made by `lko init`: it holds every administrative right until the first
    /// policy is applied.
    public var isBootstrap: Bool
    public var createdAt: String
    public var updatedAt: String
    /// When the account was removed: a removed account is kept as a tombstone (its name stays
    /// behind every history line, it never signs in, its login is never given to anyone else).
    public var removedAt: String?

    public var isRemoved: Bool { removedAt != nil }

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case position, department, email, status
        case failedLogins = "failed_logins"
        case lockedUntil = "locked_until"
        case isBootstrap = "is_bootstrap"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case removedAt = "removed_at"
    }
}

/// What is needed to create an account.
public struct NewAccount: Sendable, Equatable {
    public var login: String
    public var fullName: String
    public var position: String
    public var department: String
    public var email: String

    public init(login: String, fullName: String, position: String = "", department: String = "", email: String = "") {
        self.login = login
        self.fullName = fullName
        self.position = position
        self.department = department
        self.email = email
    }
}

/// Field checks shared by every path that creates or edits an account.
enum AccountRules {
    static func isValidLogin(_ login: String) -> Bool {
        let bytes = Array(login.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first,
              (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
    }

    /// Control characters (C0 except tab, DEL, C1 — U+009B alone is a terminal escape) and
    /// Unicode line and paragraph separators.
    static func isForbiddenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control: scalar != "\t"
        case .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    static func validate(_ account: NewAccount) throws {
        guard isValidLogin(account.login) else { throw StoreError.invalidLogin(account.login) }
        let name = account.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidField(field: "full name", reason: Message(.fieldErrNameEmpty)) }
        for (field, value) in [("full name", account.fullName), ("position", account.position), ("department", account.department), ("e-mail", account.email)] {
            guard value.count <= 500 else { throw StoreError.invalidField(field: field, reason: Message(.fieldErrTooLong)) }
            guard !value.unicodeScalars.contains(where: isForbiddenScalar) else {
                throw StoreError.invalidField(field: field, reason: Message(.fieldErrControlCharacters))
            }
        }
        if !account.email.isEmpty {
            let parts = account.email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
                throw StoreError.invalidField(field: "e-mail", reason: Message(.fieldErrNotAnAddress, ["value": .text(account.email)]))
            }
        }
    }
}
