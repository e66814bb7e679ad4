import ArgumentParser
import Foundation
import LKOApplication
import LKOServer
import LKOStore
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the lko service: the JSON API and the staff console over one database.",
        discussion: """
        Every person logs in as themselves (the same accounts as `lko login`); every action goes \
        through the same gate as the CLI. Listens on loopback by default: put nginx in front \
        for TLS (docs/deploy.md). Stops gracefully on SIGTERM or Ctrl-C. CLI administration on \
        the same machine keeps working against the same file.

          lko serve --db /var/lib/lko/lko.sqlite --listen 127.0.0.1:8080
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Address and port to listen on (port 0: any free port).", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Flag(help: "A TLS proxy in front says X-Forwarded-Proto: https — cookies get Secure and the __Host- prefix.")
    var behindTlsProxy = false

    @Option(help: ArgumentHelp("Write the listening address to this file once the server is up (for scripts).", valueName: "file"))
    var addressFile: String?

    @Option(help: ArgumentHelp("Signed audit checkpoints go here every 15 minutes and at shutdown (default: the database path + .checkpoints).", valueName: "dir"))
    var checkpointDir: String?

    @Option(help: ArgumentHelp("The checkpoint signing key (default: the database path + .audit-key).", valueName: "file"))
    var auditKey: String?

    func validate() throws {
        guard Self.parse(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
    }

    static func parse(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        let host = String(text[..<colon])
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        let (host, port) = Self.parse(listen)!
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
        let logger = Logger(label: "lko")
        let service: LKOService
        do {
            service = try LKOService.open(path: database.path, clockOverride: try database.clockOverride())
            try service.catchUpDelegations()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: String(describing: AppError.from(error)))
        }
        var configuration = ServerConfiguration(host: host, port: port, behindTLSProxy: behindTlsProxy)
        configuration.checkpointDirectory = checkpointDir
        configuration.auditKeyPath = auditKey
        let server = APIServer(service: service, configuration: configuration)
        let addressFile = addressFile
        let path = database.path
        try await server.run(logger: logger) { address in
            Terminal.err("lko serve: listening on http://\(address) (database \(path)); Ctrl-C stops")
            if let addressFile { try? address.write(toFile: addressFile, atomically: true, encoding: .utf8) }
        }
    }
}
