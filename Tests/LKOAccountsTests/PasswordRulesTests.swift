import Testing
import LKOAccounts

@Suite("PasswordRules")
struct PasswordRulesTests {
    let rules = PasswordRules.standard

    @Test("12 characters is enough, 11 is not")
    func lengthBoundary() {
        #expect(rules.violations(of: "abcdefghijkl", login: "ivanov") == [])
        #expect(rules.violations(of: "abcdefghijk", login: "ivanov") == [.tooShort(length: 11, minimum: 12)])
        #expect(rules.violations(of: "", login: "ivanov") == [.tooShort(length: 0, minimum: 12)])
        #expect(rules.accepts("abcdefghijkl", login: "ivanov"))
        #expect(!rules.accepts("abcdefghijk", login: "ivanov"))
    }

    @Test("length counts characters, not bytes or scalars")
    func unicodeLength() {
        // 12 Cyrillic letters: 24 UTF-8 bytes, still 12 characters.
        #expect(rules.violations(of: "ёжикёжикёжи", login: "x") == [.tooShort(length: 11, minimum: 12)])
        #expect(rules.violations(of: "ёжикёжикёжик", login: "x") == [])
        // Each flag and skin-toned thumb is one character made of two scalars.
        let eleven = String(repeating: "🇷🇺", count: 6) + String(repeating: "👍🏽", count: 5)
        #expect(eleven.unicodeScalars.count == 22)
        #expect(rules.violations(of: eleven, login: "x") == [.tooShort(length: 11, minimum: 12)])
        // "e" + combining acute is one character.
        #expect(rules.violations(of: String(repeating: "e\u{301}", count: 12), login: "x") == [])
    }

    @Test("overlong passwords are refused")
    func maximumLength() {
        #expect(rules.violations(of: String(repeating: "a", count: 256), login: "x") == [])
        #expect(rules.violations(of: String(repeating: "a", count: 257), login: "x") == [.tooLong(length: 257, maximum: 256)])
    }

    @Test(
        "the login may not appear in any letter case",
        arguments: ["ivanov-2025-spring", "my IVANOV password", "xxIvAnOvxxxxxx", "ｉｖａｎｏｖ-fullwidth-pass"]
    )
    func containsLogin(password: String) {
        #expect(rules.violations(of: password, login: "Ivanov") == [.containsLogin(login: "Ivanov")])
    }

    @Test("Cyrillic logins are matched case-insensitively too")
    func cyrillicLogin() {
        #expect(rules.violations(of: "пароль-ПЕТРОВА-2025", login: "петрова") == [.containsLogin(login: "петрова")])
        #expect(rules.violations(of: "пароль-петров-2025", login: "петрова") == [])
    }

    @Test("a blank login is not a rule")
    func blankLogin() {
        #expect(rules.violations(of: "long enough password", login: "") == [])
        #expect(rules.violations(of: "long enough password", login: "  ") == [])
    }

    @Test("all violations are reported together")
    func severalViolations() {
        #expect(rules.violations(of: "ivanov1", login: "ivanov") == [
            .tooShort(length: 7, minimum: 12),
            .containsLogin(login: "ivanov"),
        ])
    }

    @Test("messages say how to fix the password")
    func messages() {
        #expect(PasswordRuleViolation.tooShort(length: 7, minimum: 12).description
            == "The password has 7 characters; use at least 12. Several unrelated words make a long password that is easy to remember.")
        #expect(PasswordRuleViolation.tooShort(length: 1, minimum: 12).description.hasPrefix("The password has 1 character; "))
        #expect(PasswordRuleViolation.tooLong(length: 300, maximum: 256).description
            == "The password has 300 characters; use at most 256.")
        #expect(PasswordRuleViolation.containsLogin(login: "ivanov").description
            == "The password contains the login 'ivanov'; choose one that does not include the login in any letter case.")
    }

    @Test("custom rules")
    func customRules() {
        let strict = PasswordRules(minimumLength: 16, maximumLength: 64)
        #expect(strict.violations(of: "fifteen chars!!", login: "x") == [.tooShort(length: 15, minimum: 16)])
    }
}
