import ArgumentParser
import Crypto
import Foundation
import LKOAccounts
import LKOApplication
import LKOStore
import LKOWorkflow
import LKOMessages

/// `--db` or `--server`, shared by every command that uses the database: the local file, or
/// the JSON API of `lko serve` (docs/cli.md, "Against a server").
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L(.optDb), valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp(L(.optServer), valueName: "url"))
    var server: String?

    func validate() throws {
        if db != nil, server != nil { throw ValidationError(L(.cliDbOrServer)) }
    }

    /// The server named by `--server`, else by `LKO_SERVER` when no `--db` is given; nil: the
    /// local file.
    var serverAddress: String? {
        if let server { return server }
        guard db == nil, let text = ProcessInfo.processInfo.environment["LKO_SERVER"], !text.isEmpty else { return nil }
        return text
    }

    /// The backend the staff and administration commands run through.
    func backend() throws -> any Backend {
        if let serverAddress { return try RemoteBackend(server: serverAddress) }
        return try LocalBackend(path: path, clockOverride: try clockOverride())
    }

    /// For commands that only work on the local file: refuses (exit 2) when a server is named.
    func requireLocal(_ command: String) throws {
        if let serverAddress {
            throw CommandFailure(message: RemoteRefusal.message(command: command, server: serverAddress, fromEnvironment: server == nil), exitCode: .usage)
        }
    }

    var path: String {
        db ?? ProcessInfo.processInfo.environment["LKO_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "lko.sqlite"
    }

    /// `LKO_NOW`, a moved clock (sandbox databases only).
    func clockOverride() throws -> Date? {
        guard let text = ProcessInfo.processInfo.environment["LKO_NOW"], !text.isEmpty else { return nil }
        guard let date = StoreClock.parse(text) else {
            throw CommandFailure(message: L(.cliNowUnreadable, ["text": text]), exitCode: .usage)
        }
        return date
    }

    /// Opens the database, honouring `LKO_NOW` (sandbox databases only). Only for commands
    /// that work on the local file: refused when a server is named.
    func open() throws -> Store {
        try requireLocal(L(.cliThisCommand))
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
            throw CommandFailure(message: L(.cliSessionFileUnwritable, ["path": url.path]))
        }
    }

    static func load(forDatabase path: String) -> String? {
        if let token = ProcessInfo.processInfo.environment["LKO_TOKEN"], !token.isEmpty { return token }
        return (try? String(contentsOf: url(forDatabase: path), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func remove(forDatabase path: String) {
        try? FileManager.default.removeItem(at: url(forDatabase: path))
    }

    /// One file per server, named by a hash of its address (`server:` + the URL, so it never
    /// collides with a database's).
    static func url(forServer address: String) -> URL {
        let digest = SHA256.hash(data: Data(("server:" + address).utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        return directory().appendingPathComponent("server-" + digest)
    }

    static func save(_ token: String, forServer address: String) throws {
        try write(token, to: url(forServer: address))
    }

    static func load(forServer address: String) -> String? {
        if let token = ProcessInfo.processInfo.environment["LKO_TOKEN"], !token.isEmpty { return token }
        return (try? String(contentsOf: url(forServer: address), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func remove(forServer address: String) {
        try? FileManager.default.removeItem(at: url(forServer: address))
    }

    private static func write(_ token: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: directory(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure(message: L(.cliSessionFileUnwritable, ["path": url.path]))
        }
    }
}

/// What a command that works only on the local file says when given a server.
enum RemoteRefusal {
    static func message(command: String, server: String, fromEnvironment: Bool) -> String {
        L(.serverRefused, ["command": command, "server": fromEnvironment ? "LKO_SERVER=\(server)" : "--server \(server)",
                           "hint": fromEnvironment ? L(.serverRefusedHint) : ""])
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
                throw CommandFailure(message: L(.passwordStdinEmpty))
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: L(.passwordNoTerminal), exitCode: .usage)
        }
        let first = try readHidden(prompt)
        if confirm {
            let second = try readHidden(L(.promptRepeatPassword))
            guard first == second else { throw CommandFailure(message: L(.passwordsDiffer)) }
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        // Ctrl-C, a kill or a hang-up while echo is off: restore the terminal first.
        TerminalGuard.install(original)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            TerminalGuard.uninstall()
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw CommandFailure(message: L(.passwordNotEntered))
        }
        return line
    }
}

/// Runs a command's body over a backend: the use case's refusal (``AppError``) becomes a
/// failure with exit code 1 and its message, the same locally and against a server.
func runBackendCommand(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as AppError {
        var message = error.description(in: Language.current)
        if error.kind == .unauthenticated { message += "\n" + L(.loginHint) }
        throw CommandFailure(message: message)
    } catch let failure as CommandFailure {
        throw failure
    } catch let exit as ExitCode {
        throw exit
    } catch let error as PasswordHashingError {
        throw CommandFailure(message: L(.cliPasswordHashingFailed, ["reason": "\(error)"]))
    } catch {
        let translated = AppError.from(error)
        if let app = translated as? AppError { throw CommandFailure(message: app.description(in: Language.current)) }
        throw CommandFailure(message: String(describing: error))
    }
}

/// Store errors become failures with exit code 1 and the store's message.
func runStoreCommand(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        throw CommandFailure(message: localized(error, english: error.description))
    } catch let error as Store.PolicyRefusal {
        throw CommandFailure(message: localized(error, english: error.description))
    } catch let error as WorkflowError {
        throw CommandFailure(message: localized(error, english: error.description))
    } catch let error as PasswordHashingError {
        throw CommandFailure(message: L(.cliPasswordHashingFailed, ["reason": "\(error)"]))
    }
}

/// A store or workflow error for people: the catalog's Russian; in English the layer's own
/// text (more detailed for an administrator).
func localized(_ error: any Error, english: String) -> String {
    guard Language.current == .ru, let app = AppError.from(error) as? AppError else { return english }
    return app.description(in: .ru)
}
