import ArgumentParser
import Crypto
import Foundation
import LKOAccounts
import LKOStore
import LKOWorkflow

/// `--db`, shared by every command that uses the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The lko database (default: $LKO_DB, else ./lko.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["LKO_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "lko.sqlite"
    }

    /// `LKO_NOW`, a moved clock (sandbox databases only).
    func clockOverride() throws -> Date? {
        guard let text = ProcessInfo.processInfo.environment["LKO_NOW"], !text.isEmpty else { return nil }
        guard let date = StoreClock.parse(text) else {
            throw CommandFailure(message: "LKO_NOW=\(text) is not a time like 2026-03-02T09:00 (UTC)", exitCode: .usage)
        }
        return date
    }

    /// Opens the database, honouring `LKO_NOW` (sandbox databases only).
    func open() throws -> Store {
        let store = try Store.open(path: path, clockOverride: try clockOverride(), blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()])
        DelegationCatchUp.run(store)
        return store
    }
}

/// Where a session token lives between commands: `LKO_TOKEN`, else a per-user, per-database file
/// with mode 0600 under `~/.config/lko/sessions/`.
enum SessionFile {
    static func directory() -> URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("lko/sessions")
    }

    /// One file per database, named by a hash of the database's absolute path.
    static func url(forDatabase path: String) -> URL {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let digest = SHA256.hash(data: Data(absolute.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        return directory().appendingPathComponent(digest)
    }

    static func save(_ token: String, forDatabase path: String) throws {
        let directory = directory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let url = url(forDatabase: path)
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure(message: "cannot write the session file \(url.path)")
        }
    }

    static func load(forDatabase path: String) -> String? {
        if let token = ProcessInfo.processInfo.environment["LKO_TOKEN"], !token.isEmpty { return token }
        return (try? String(contentsOf: url(forDatabase: path), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func remove(forDatabase path: String) {
        try? FileManager.default.removeItem(at: url(forDatabase: path))
    }
}

extension DatabaseOptions {
    /// The logged-in account of this database's session.
    func actor(in store: Store) throws -> Account {
        guard let token = SessionFile.load(forDatabase: path) else { throw StoreError.notLoggedIn }
        return try store.authenticate(token: token)
    }
}

/// Reading a password: from standard input (`--password-stdin`, for scripts) or from the
/// terminal without echo.
enum PasswordInput {
    static func read(prompt: String, fromStandardInput: Bool, confirm: Bool = false) throws -> String {
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure(message: "--password-stdin: standard input is empty; pipe the password in, e.g. `printf '%s\\n' \"$PASSWORD\" | lko …`")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "no terminal to ask for the password; use --password-stdin", exitCode: .usage)
        }
        let first = try readHidden(prompt)
        if confirm {
            let second = try readHidden("Repeat the password: ")
            guard first == second else { throw CommandFailure(message: "the two passwords differ; nothing was changed") }
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw CommandFailure(message: "no password was entered")
        }
        return line
    }
}

/// Store errors become failures with exit code 1 and the store's message.
func runStoreCommand(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        throw CommandFailure(message: error.description)
    } catch let error as Store.PolicyRefusal {
        throw CommandFailure(message: error.description)
    } catch let error as WorkflowError {
        throw CommandFailure(message: error.description)
    } catch let error as PasswordHashingError {
        throw CommandFailure(message: "password hashing failed: \(error)")
    }
}
