import Foundation
import Testing
@testable import LKOCompiler

/// The Markdown (for a pull request), text and JSON outputs of a few pairs, compared byte for byte
/// with `Fixtures/<pair>/diff.md.expected` (Russian, the default), `diff.en.md.expected`
/// (`LKO_LANG=en`), `diff.txt.expected`, `diff.en.txt.expected` and `diff.json.expected` (the same
/// in every language). `LKO_UPDATE_GOLDEN=1` rewrites them.
@Suite struct GoldenTests {
    @Test(arguments: ["role-approve", "routing-priority", "coverage"])
    func markdownTextAndJSON(pair: String) throws {
        let diff = try diffPair(pair)
        let russian = DiffRenderer(), english = DiffRenderer(language: .en)
        try expectGolden(russian.render(diff, format: .markdown), pair: pair, name: "diff.md.expected")
        try expectGolden(english.render(diff, format: .markdown), pair: pair, name: "diff.en.md.expected")
        try expectGolden(russian.render(diff, format: .text), pair: pair, name: "diff.txt.expected")
        try expectGolden(english.render(diff, format: .text), pair: pair, name: "diff.en.txt.expected")
        let json = russian.render(diff, format: .json)
        try expectGolden(json, pair: pair, name: "diff.json.expected")
        #expect(english.render(diff, format: .json) == json, "JSON does not depend on the language")
        // The JSON is the structure itself.
        #expect(try JSONDecoder().decode(PolicyDiff.self, from: Data(json.utf8)) == diff)
    }

    @Test func theDefaultLanguageIsRussian() throws {
        let diff = try diffPair("role-approve")
        #expect(DiffRenderer().language == .ru)
        #expect(DiffRenderer().render(diff, format: .markdown) == DiffRenderer(language: .ru).render(diff, format: .markdown))
        #expect(DiffRenderer().render(diff, format: .markdown).hasPrefix("### Изменение политики: 4 логина: разрешения +4 −0; изменено ролей: 1; замечания +4 −0; РИСКИ: повышение прав (4)\n"))
        #expect(DiffRenderer(language: .en).render(diff, format: .markdown).hasPrefix("### Policy change: 4 logins: +4 −0 permissions; roles changed: 1; findings +4 −0; RISK: escalation (4)\n"))
    }

    @Test func textHasNoColorUnlessAsked() throws {
        let diff = try diffPair("role-approve")
        #expect(!DiffRenderer().render(diff, format: .text).contains("\u{1B}["))
        #expect(DiffRenderer(useColor: true).render(diff, format: .text).contains("\u{1B}[31;1mРиски\u{1B}[0m"))
        #expect(DiffRenderer(useColor: true, language: .en).render(diff, format: .text).contains("\u{1B}[31;1mRisks\u{1B}[0m"))
    }

    @Test func jsonOmitsUnboundedValidityAndAbsentTitleChange() throws {
        let json = DiffRenderer().render(try diffPair("grant-widened"), format: .json)
        #expect(!json.contains("\"from\""))
        #expect(!json.contains("\"until\""))
        #expect(json.contains("\"access\" : ["))
        let lost = DiffRenderer().render(try diffPair("until-earlier"), format: .json)
        #expect(lost.contains("\"from\" : \"2027-02-01\""))
        #expect(lost.contains("\"until\" : \"2027-02-05\""))
    }

    /// Every shell (the CLI, the API, `DiffRenderer`) encodes the same snake_case keys, with any
    /// encoder: the keys are the types' own.
    @Test(arguments: ["role-approve", "tree-structure", "tree-terms", "coverage", "lockout"])
    func everyKeyIsSnakeCaseWithAPlainEncoder(pair: String) throws {
        var diff = try diffPair(pair, heldCases: [DiffInput.HeldCase(posNumber: "POS-7", node: "improvement.yards", assignee: "improvement_specialist")])
        diff.substitutes = [PolicyDiff.SubstituteChange(change: "added", substitute: "d", absentee: nil, kind: "approver", nodes: [], actions: ["approve"], position: "p.lko:1:1")]
        diff.acceptances = [PolicyDiff.AcceptanceChange(change: "added", code: "W0506", subjects: ["s"], reason: "r", position: "p.lko:2:1")]
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(diff))
        let keys = allKeys(object)
        #expect(keys.contains("findings_introduced"))
        #expect(keys.allSatisfy { $0.allSatisfy { !$0.isUppercase } }, "camelCase keys: \(keys.filter { $0.contains { $0.isUppercase } })")
        let risks = (object as? [String: Any])?["risks"] as? [[String: Any]] ?? []
        #expect(risks.allSatisfy { $0["message"] == nil }, "a risk is facts; its text is the renderer's, in the reader's language")
        #expect(!keys.contains("detail"), "tree changes are facts; their text is the renderer's")
    }
}

/// Every key of every object in a JSON value.
func allKeys(_ value: Any) -> Set<String> {
    if let object = value as? [String: Any] {
        return object.reduce(into: Set(object.keys)) { $0.formUnion(allKeys($1.value)) }
    }
    if let array = value as? [Any] { return array.reduce(into: Set<String>()) { $0.formUnion(allKeys($1)) } }
    return []
}
