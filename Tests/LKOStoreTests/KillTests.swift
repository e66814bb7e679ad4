import Foundation
import GRDB
import LKOAccounts
import LKOCompiler
import LKOLanguage
@testable import LKOStore
import Testing

/// The built `lko` binary: `$LKO_BINARY`, else beside the test binary, else `.build/debug/lko`
/// under the package root (found from this file's path).
func lkoBinary() -> URL? {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["LKO_BINARY"], !override.isEmpty {
        candidates.append(URL(fileURLWithPath: override))
    }
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {  // Linux: <bin>/lkoPackageTests.xctest; macOS: <bin>/lkoPackageTests.xctest/Contents/MacOS/…
        candidates.append(folder.appendingPathComponent("lko"))
        folder = folder.deletingLastPathComponent()
    }
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("lko"))
    }
    candidates.append(packageRoot().appendingPathComponent(".build/debug/lko"))
    return candidates.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
}

/// A policy large enough that compiling and storing it takes a while: `size` categories of ten
/// subcategories, one executor per category, and the admins.
func generatedPolicy(size: Int, admins: [String], extraGrant: String = "") -> String {
    var text = """
    organization "Большая администрация" {
      timezone "Europe/Moscow"
      executor_role executor
      coordinator_role coordinator
    }
    role admin "Администратор" {
      allow manage_users, manage_policy, view_audit on any
    }
    role coordinator "Координатор" {
      allow view, assign, reassign on any
    }
    role executor "Исполнитель" {
      allow view, draft, submit on assigned and granted
    }

    """
    for c in 0..<size {
        text += "category c\(c) \"Категория \(c)\" {\n"
        for s in 0..<10 { text += "  subcategory s\(s) \"Подкатегория \(c).\(s)\"\n" }
        text += "}\n"
    }
    for c in 0..<size { text += "grant executor to exec\(c) on c\(c)\n" }
    for admin in admins { text += "grant admin to \(admin)\n" }
    text += extraGrant
    return text
}

@Suite("Crash safety: lko killed with SIGKILL in the middle of writes")
struct KillTests {
    struct Snapshot: Equatable {
        var activeVersion: String?
        var activations: [String]  // versions, in activation order
        var policyAuditObjects: [String]  // "policy:<version>" of policy.apply/rollback entries, in order
        var accounts: [String]
        var userAddObjects: [String]
        var auditEntries: Int
    }

    static func snapshot(_ path: String) throws -> Snapshot {
        let store = try Store.open(path: path)
        defer { try? store.close() }
        #expect(try store.integrityCheck() == ["ok"])
        let verification = try store.read { db in try AuditLog.verify(db) }
        #expect(verification.firstBreak == nil, "\(String(describing: verification.firstBreak))")
        return try store.read { db in
            Snapshot(
                activeVersion: try Store.activePolicy(db)?.version,
                activations: try String.fetchAll(db, sql: "SELECT v.version FROM activations a JOIN policy_versions v ON v.id = a.version_id ORDER BY a.id"),
                policyAuditObjects: try String.fetchAll(db, sql: "SELECT object FROM audit WHERE action IN ('policy.apply', 'policy.rollback') ORDER BY seq"),
                accounts: try String.fetchAll(db, sql: "SELECT login FROM accounts ORDER BY login"),
                userAddObjects: try String.fetchAll(db, sql: "SELECT object FROM audit WHERE action = 'user.add' ORDER BY object"),
                auditEntries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? -1
            )
        }
    }

    /// Activations and their audit entries agree one to one; so do accounts and user.add entries.
    static func expectConsistent(_ s: Snapshot, _ context: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(s.activations.map { "policy:\($0)" } == s.policyAuditObjects, "\(context)", sourceLocation: sourceLocation)
        #expect(s.activeVersion == s.activations.last, "\(context)", sourceLocation: sourceLocation)
        #expect(s.accounts.map { "user:\($0)" } == s.userAddObjects, "\(context)", sourceLocation: sourceLocation)
    }

    enum Command {
        case apply(dir: String, version: String)
        case rollback
        case addUser(String)
    }

    @Test(.timeLimit(.minutes(5)))
    func killedWritesLeaveTheOldOrTheNewStateNeverHalf() throws {
        let binary = try #require(lkoBinary(), "build the lko binary first (swift build)")
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("lko.sqlite")

        // Two big policies that differ by one grant, written as folders for the CLI.
        let admins = ["boss"]
        let texts = [generatedPolicy(size: 120, admins: admins), generatedPolicy(size: 120, admins: admins, extraGrant: "grant coordinator to exec0\n")]
        var policyDirs: [String] = []
        var versions: [String] = []
        for (index, text) in texts.enumerated() {
            let folder = dir.path("policy\(index)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: folder + "/main.lko", atomically: true, encoding: .utf8)
            let sources = SourceSet(files: [SourceFile(path: folder + "/main.lko", text: text)])
            let compiled = try #require(PolicyCompiler.compile(sources, options: CompileOptions(lintDate: nil, lint: false)).policy)
            versions.append(compiled.tables.version)
            policyDirs.append(folder)
        }
        #expect(versions[0] != versions[1])

        // The database and a session made in-process (cheap hash); the child uses the token.
        let store = try Store.create(path: path, sandbox: false, administrator: NewAccount(login: "boss", fullName: "B"), password: adminPassword, hasher: cheapHasher)
        let token = try store.login("boss", password: adminPassword, hasher: cheapHasher).text
        try store.close()

        var environment = ProcessInfo.processInfo.environment
        environment["LKO_TOKEN"] = token
        environment["LKO_DB"] = path
        environment["XDG_CONFIG_HOME"] = dir.path("config")
        environment.removeValue(forKey: "LKO_NOW")

        func run(_ command: Command, killAfter delay: Int?) throws -> Process.TerminationReason {
            let process = Process()
            process.executableURL = binary
            process.environment = environment
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            switch command {
            // Issue 14: outside a terminal `apply` needs `--yes` when the change report has risks
            // (here every switch gains or loses the coordinator grant of exec0).
            case .apply(let folder, _): process.arguments = ["apply", "--db", path, folder, "-m", "kill test", "--yes"]
            case .rollback: process.arguments = ["rollback", "--db", path, "-m", "kill test"]
            case .addUser(let login): process.arguments = ["user", "add", login, "--db", path, "--full-name", "Пользователь \(login)", "--password-stdin"]
            }
            try process.run()
            input.fileHandleForWriting.write(Data("a long enough password here\n".utf8))
            try? input.fileHandleForWriting.close()
            if let delay {
                if delay > 0 { usleep(UInt32(delay * 1000)) }
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            return process.terminationReason
        }

        // How long one whole apply takes on this machine now: the kill schedule is spread over
        // that, so the kills land inside the writes however fast or loaded the machine is.
        let started = Date()
        #expect(try run(.apply(dir: policyDirs[0], version: versions[0]), killAfter: nil) == .exit)
        let applyMilliseconds = max(20, Int(Date().timeIntervalSince(started) * 1000))

        // A deterministic schedule of 20 delays spread over 0…90 % of that, over applies,
        // rollbacks and user additions.
        let delays = (0..<20).map { ($0 * 37) % 151 * applyMilliseconds * 9 / 1500 }
        var killed = 0, changedWhileKilled = 0
        var previous = try Self.snapshot(path)
        Self.expectConsistent(previous, "initial")
        for (run_, delay) in delays.enumerated() {
            let command: Command
            switch run_ % 4 {
            case 3: command = .rollback
            case 2: command = .addUser("user\(run_)")
            default:
                let target = previous.activeVersion == versions[0] ? 1 : 0
                command = .apply(dir: policyDirs[target], version: versions[target])
            }
            let reason = try run(command, killAfter: delay)
            if reason == .uncaughtSignal { killed += 1 }
            let now = try Self.snapshot(path)
            let context = "run \(run_), \(command), killed after \(delay) ms: \(reason == .uncaughtSignal ? "killed" : "exited")"
            Self.expectConsistent(now, context)
            switch command {
            case .apply(_, let version):
                #expect(now.activeVersion == previous.activeVersion || now.activeVersion == version, "\(context)")
                #expect(now.activations.count - previous.activations.count == (now.activeVersion == previous.activeVersion ? 0 : 1), "\(context)")
                #expect(now.accounts == previous.accounts, "\(context)")
            case .rollback:
                #expect(now.activations.count - previous.activations.count <= 1, "\(context)")
                #expect(Set(now.activations).isSubset(of: Set(versions)), "\(context)")
                #expect(now.accounts == previous.accounts, "\(context)")
            case .addUser(let login):
                #expect(now.accounts == previous.accounts || now.accounts == (previous.accounts + [login]).sorted(), "\(context)")
                #expect(now.activations == previous.activations, "\(context)")
            }
            if reason == .uncaughtSignal, now != previous { changedWhileKilled += 1 }
            previous = now
        }
        // Most runs must really be cut off, or the test proves nothing (user additions are
        // shorter than an apply, so not all of them are).
        #expect(killed >= 8, "only \(killed) of \(delays.count) runs were killed before finishing (one apply took \(applyMilliseconds) ms)")

        // After all that, the database still takes a normal write.
        let target = previous.activeVersion == versions[0] ? 1 : 0
        #expect(try run(.apply(dir: policyDirs[target], version: versions[target]), killAfter: nil) == .exit)
        let final = try Self.snapshot(path)
        Self.expectConsistent(final, "final")
        #expect(final.activeVersion == versions[target])
        #expect(final.activations.count == previous.activations.count + 1)
        // For the record (timing-dependent, so not asserted): how many kills landed after a commit.
        FileHandle.standardError.write(Data("kill test: \(killed) of \(delays.count) runs killed, \(changedWhileKilled) of them after their commit\n".utf8))
    }
}

