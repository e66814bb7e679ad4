import Foundation

/// What a new password must satisfy before it is hashed and stored.
///
/// The rules follow NIST SP 800-63B rather than composition rules: length is what makes a
/// password hard to guess, so there is a generous minimum and no demand for digits or symbols.
/// The login is refused inside the password because it is the first thing an attacker tries.
public struct PasswordRules: Sendable, Hashable {
    /// Fewest characters allowed. Characters are what a person counts: "é", "Ё" or "👍🏽" is one,
    /// however many Unicode scalars encode it.
    public var minimumLength: Int
    /// Most characters allowed. Generous enough for any passphrase, yet it keeps a megabyte of
    /// "password" from reaching the hasher.
    public var maximumLength: Int

    public init(minimumLength: Int = 12, maximumLength: Int = 256) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// At least 12 characters, at most 256, and not containing the login.
    public static let standard = PasswordRules()

    /// Every rule `password` breaks for the account `login`; empty when the password is acceptable.
    ///
    /// All violations are reported at once so that the user can fix them in one go.
    public func violations(of password: String, login: String) -> [PasswordRuleViolation] {
        var found: [PasswordRuleViolation] = []
        let length = password.count
        if length < minimumLength {
            found.append(.tooShort(length: length, minimum: minimumLength))
        }
        if length > maximumLength {
            found.append(.tooLong(length: length, maximum: maximumLength))
        }
        let trimmedLogin = login.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmedLogin.isEmpty, PasswordRules.folded(password).contains(PasswordRules.folded(trimmedLogin)) {
            found.append(.containsLogin(login: trimmedLogin))
        }
        return found
    }

    /// Whether `password` breaks no rule for `login`.
    public func accepts(_ password: String, login: String) -> Bool {
        violations(of: password, login: login).isEmpty
    }

    /// The hasher's normalisation (NFKC), then lower case: the login "ivanov" is found in
    /// "IVANOV", "Ivanov" and the fullwidth "ｉｖａｎｏｖ" alike, "петрова" in "ПЕТРОВА".
    private static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }
}
