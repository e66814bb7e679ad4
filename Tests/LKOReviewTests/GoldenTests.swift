import Foundation
import Testing
@testable import LKOCompiler

/// The Markdown (for a pull request) and JSON outputs of a few pairs, compared byte for byte with
/// `Fixtures/<pair>/diff.md.expected` and `diff.json.expected`. `LKO_UPDATE_GOLDEN=1` rewrites them.
@Suite struct GoldenTests {
    @Test(arguments: ["role-approve", "routing-priority", "coverage"])
    func markdownAndJSON(pair: String) throws {
        let diff = try diffPair(pair)
        let renderer = DiffRenderer()
        try expectGolden(renderer.render(diff, format: .markdown), pair: pair, name: "diff.md.expected")
        let json = renderer.render(diff, format: .json)
        try expectGolden(json, pair: pair, name: "diff.json.expected")
        // The JSON is the structure itself.
        #expect(try JSONDecoder().decode(PolicyDiff.self, from: Data(json.utf8)) == diff)
    }

    @Test func textHasNoColorUnlessAsked() throws {
        let diff = try diffPair("role-approve")
        #expect(!DiffRenderer().render(diff, format: .text).contains("\u{1B}["))
        #expect(DiffRenderer(useColor: true).render(diff, format: .text).contains("\u{1B}[31;1mRisks\u{1B}[0m"))
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
}
