import Testing
@testable import LKOLanguage

@Suite struct SuggestionsTests {
    @Test func closestWithinAThird() {
        #expect(Suggestions.closest(to: "road", in: ["roads", "waste"]) == "roads")
        #expect(Suggestions.closest(to: "Roads", in: ["roads"]) == "roads")
        #expect(Suggestions.closest(to: "drfat", in: ["draft", "view"]) == "draft")
        #expect(Suggestions.closest(to: "xyz", in: ["roads", "waste"]) == nil)
        // Ties go to the alphabetically first candidate, so messages are stable.
        #expect(Suggestions.closest(to: "ab", in: ["ac", "aa"]) == "aa")
    }

    @Test func helpListsWhatExistsWithAProperPlural() {
        #expect(Suggestions.help(for: "xyz", in: ["roads", "waste"], kind: "category") == "declared categories: `roads`, `waste`")
        #expect(Suggestions.help(for: "xyz", in: ["b", "a"], kind: "role") == "declared roles: `a`, `b`")
        #expect(Suggestions.help(for: "xyz", in: [], kind: "subcategory") == "no subcategory is declared")
        let many = (1...10).map { "name\($0)0000" }
        #expect(Suggestions.help(for: "xyz", in: many, kind: "fact").hasSuffix(", …"))
        #expect(Suggestions.help(for: "road", in: ["roads"], kind: "category") == "did you mean `roads`?")
    }
}
