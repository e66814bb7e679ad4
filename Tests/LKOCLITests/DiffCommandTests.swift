import Foundation
import Testing

/// `lko diff` as a reviewer or CI runs it: fixture folders, `--fail-on`, formats, and git
/// revisions of a throwaway repository.
@Suite struct DiffCommandTests {
    static let fixtures = packageRoot.appending(path: "Tests/LKOReviewTests/Fixtures")

    func pair(_ name: String) -> [String] {
        [DiffCommandTests.fixtures.appending(path: name).appending(path: "old").path, DiffCommandTests.fixtures.appending(path: name).appending(path: "new").path]
    }

    @Test func failOnEscalation() throws {
        let flagged = try lko(["diff"] + pair("role-approve") + ["--at", "2026-03-02", "--fail-on", "escalation"])
        #expect(flagged.status == 1)
        #expect(flagged.stdout.contains("RISK: escalation (4)"))
        #expect(flagged.stdout.contains("[escalation] roads_specialist gains `approve on assigned and granted` in roads (role change: `executor` «Исполнитель», "))
        let report = try lko(["diff"] + pair("role-approve") + ["--at", "2026-03-02"])
        #expect(report.status == 0, "without --fail-on a risk is reported, not failed")
        let otherKind = try lko(["diff"] + pair("role-approve") + ["--at", "2026-03-02", "--fail-on", "coverage"])
        #expect(otherKind.status == 0)
        let quiet = try lko(["diff"] + pair("until-earlier") + ["--at", "2026-03-02", "--fail-on", "escalation"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.contains("- `view on assigned and granted` in roads from 01.02.2027 until 05.02.2027"))
    }

    @Test func failOnCoverageAndAny() throws {
        let coverage = try lko(["diff"] + pair("coverage") + ["--at", "2026-03-02", "--fail-on", "coverage"])
        #expect(coverage.status == 1)
        #expect(coverage.stdout.contains("[coverage] no rule routes `transport.buses` and no executor covers it"))
        #expect(try lko(["diff"] + pair("coverage") + ["--at", "2026-03-02", "--fail-on", "escalation"]).status == 0)
        #expect(try lko(["diff"] + pair("lockout") + ["--at", "2026-03-02", "--fail-on", "any"]).status == 1)
        #expect(try lko(["diff"] + pair("grant-widened") + ["--at", "2026-03-02", "--fail-on", "any"]).status == 0)
    }

    @Test func noEffectiveChangeAndFormats() throws {
        let text = try lko(["diff"] + pair("reformat"))
        #expect(text.status == 0)
        #expect(text.stdout.hasSuffix("\nno effective change\n"))
        let markdown = try lko(["diff"] + pair("routing-removed") + ["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("### Policy change: routing changes: 2\n"))
        #expect(markdown.stdout.contains("| roads.potholes | roads_specialist (auto-rule `road_defects`, 10 calendar days) | coordinator (no rule, 10 calendar days) |"))
        let json = try lko(["diff"] + pair("routing-removed") + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect((object["routing"] as? [Any])?.count == 2)
        // Issue 14: the report also lists substitute-eligibility changes and accepted findings.
        #expect(Set(object.keys) == ["format_version", "old", "new", "access", "roles", "tree", "routing", "substitutes", "acceptances", "findings_introduced", "findings_resolved", "risks"])
        let bad = try lko(["diff"] + pair("reformat") + ["--format", "html"])
        #expect(bad.status == 64 || bad.status == 2, "wrong usage, not a crash: \(bad.status)")
    }

    @Test func aSideWithErrorsFails() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("grant nonexistent_role to someone\n", to: folder.appending(path: "broken/p.lko"))
        let result = try lko(["diff", pair("reformat")[0], folder.appending(path: "broken").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error(s); a diff needs two valid policies"))
    }

    // MARK: git revisions

    /// Runs git in `directory` with a fixed identity; fails the test on a non-zero exit.
    func git(_ arguments: [String], in directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed", sourceLocation: sourceLocation)
    }

    /// A repository with two commits: the `until-earlier` pair's old then new policy in
    /// `Policies/`, plus stray .lko files outside it that must never be read.
    func repository() throws -> URL {
        let repo = try temporaryFolder()
        try git(["init", "-q"], in: repo)
        let fixture = DiffCommandTests.fixtures.appending(path: "until-earlier")
        try FileManager.default.copyItem(at: fixture.appending(path: "old"), to: repo.appending(path: "Policies"))
        try write("this is not a policy {\n", to: repo.appending(path: "Tests/Fixtures/broken.lko"))
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "policy"], in: repo)
        try FileManager.default.removeItem(at: repo.appending(path: "Policies/grants.lko"))
        try FileManager.default.copyItem(at: fixture.appending(path: "new/grants.lko"), to: repo.appending(path: "Policies/grants.lko"))
        try git(["commit", "-q", "-am", "shorter substitution"], in: repo)
        return repo
    }

    @Test func twoRevisions() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try lko(["diff", "HEAD~1", "HEAD", "--at", "2026-03-02"], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("policy diff HEAD~1:Policies → HEAD:Policies\n"))
        #expect(result.stdout.contains("    - `view on assigned and granted` in roads from 01.02.2027 until 05.02.2027  (HEAD~1:Policies/grants.lko:7:1)\n"))
        #expect(result.stdout.contains("1 login: +0 −3 permissions\n"))
        // Run from a subfolder: revisions are still read from the repository root.
        let inside = try lko(["diff", "HEAD~1", "HEAD", "--at", "2026-03-02"], in: repo.appending(path: "Policies"))
        #expect(inside.stdout == result.stdout)
    }

    @Test func revisionAgainstTheWorkingTree() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        // An uncommitted change on top of HEAD.
        let grants = repo.appending(path: "Policies/grants.lko")
        let text = try String(contentsOf: grants, encoding: .utf8).replacingOccurrences(of: "grant executor to roads_specialist on roads\n", with: "grant executor to roads_specialist on roads, improvement\n")
        try write(text, to: grants)
        // `.` is the checkout: its Policies/ folder, not every .lko file below it.
        let dot = try lko(["diff", "HEAD", ".", "--at", "2026-03-02"], in: repo)
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.hasPrefix("policy diff HEAD:Policies → ./Policies\n"))
        #expect(dot.stdout.contains("    + `view on assigned and granted` in improvement  (./Policies/grants.lko:4:1)\n"))
        #expect(!dot.stdout.contains("- `view"), "HEAD already has the shorter substitution")
        let both = try lko(["diff", "HEAD~1", ".", "--at", "2026-03-02", "--format", "json"], in: repo)
        let object = try #require(try JSONSerialization.jsonObject(with: both.stdoutData) as? [String: Any])
        let access = try #require(object["access"] as? [[String: Any]])
        #expect(access.map { "\($0["login"] ?? "") \($0["change"] ?? "")" } == ["roads_deputy lost", "roads_deputy lost", "roads_deputy lost", "roads_specialist gained", "roads_specialist gained", "roads_specialist gained"])
        // The folder itself names the same side.
        let folder = try lko(["diff", "HEAD", "Policies", "--at", "2026-03-02"], in: repo)
        #expect(folder.stdout.replacingOccurrences(of: "./Policies", with: "Policies") == dot.stdout.replacingOccurrences(of: "./Policies", with: "Policies"))
    }

    @Test func aBogusRevisionIsWrongUsage() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try lko(["diff", "no-such-revision", "HEAD"], in: repo)
        #expect(result.status == 2)
        #expect(result.stderr.contains("`no-such-revision` is neither a file, a folder nor a git revision of "))
        #expect(result.stdout.isEmpty)
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let notRepo = try lko(["diff", "HEAD~1", "HEAD"], in: outside)
        #expect(notRepo.status == 2)
        #expect(notRepo.stderr.contains("`HEAD~1` is neither a file, a folder nor a git revision (not inside a git repository)"))
    }

    @Test func aRevisionWithoutThePolicyFolder() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try lko(["diff", "HEAD~1", "HEAD", "--policy-dir", "Elsewhere"], in: repo)
        #expect(result.status == 1)
        // Issue 14 reads a revision with one `git archive`; a missing folder is now said as such,
        // with git's own words kept in the message.
        #expect(result.stderr.contains("revision HEAD~1 has no folder Elsewhere/ ("))
        #expect(result.stderr.contains("not a valid object name"))
    }
}
