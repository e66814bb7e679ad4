import Foundation
import LKOApplication
import LKOStore
import Testing

/// Issue 13: refusals leak nothing; absences are private.
@Suite struct PrivacyTests {
    @Test func aRefusedPolicyReviewPrintsTheRefusalAndNothingComputedBeforeIt() throws {
        let fixture = try ServerFixture()
        let executor = try fixture.caller("roads_specialist")
        // A candidate that would take away the executor's access: its report would name held cases.
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Policies").path).filter { $0.hasSuffix(".lko") }.sorted()
        let candidate = PolicyFiles(files: try files.map { name in
            var text = try String(contentsOf: repositoryRoot.appendingPathComponent("Policies/\(name)"), encoding: .utf8)
            if name == "grants.lko" { text = text.replacingOccurrences(of: "grant executor to roads_specialist on roads", with: "") }
            return (name, text)
        })
        for attempt in [{ _ = try fixture.service.reviewPolicy(executor, candidate) }, { _ = try fixture.service.applyPolicy(executor, candidate, message: "", confirmRisks: true) }] {
            do {
                try attempt()
                Issue.record("an executor may not review or apply a policy")
            } catch let error as AppError {
                #expect(error.kind == .forbidden)
                let text = error.description
                #expect(!text.contains("DEMO-"), "the refusal leaked a case: \(text)")
                #expect(!text.contains("lost_access"))
            }
        }
    }

    @Test func colleaguesSeeWhoIsAwayAndWhoStandsInButNotWhy() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        _ = try fixture.service.addAbsence(admin, AbsenceInput(login: "roads_specialist", from: "2026-03-10", until: "2026-03-12", reason: "sick", substitute: "improvement_specialist", allowPartial: true))
        func reason(as login: String) throws -> String? {
            try fixture.service.absences(try fixture.caller(login)).first { $0.login == "roads_specialist" }?.reason
        }
        #expect(try reason(as: "roads_specialist") == "sick")
        #expect(try reason(as: "finance_sysadmin") == "sick")
        #expect(try reason(as: "head") == "sick")
        #expect(try reason(as: "health_liaison") == nil)
        let seen = try #require(try fixture.service.absences(try fixture.caller("health_liaison")).first { $0.login == "roads_specialist" })
        #expect(seen.substituteName == "Зайцева Ольга Андреевна")
        #expect(seen.reasonTitle == nil)
    }
}
