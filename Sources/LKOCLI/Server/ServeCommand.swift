import ArgumentParser
import Foundation
import LKOApplication
import LKOMessages
import LKOServer
import LKOStore
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: L(.optServeAbstract),
        discussion: L(.optServeDiscussion)
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(L(.optListen), valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Flag(help: ArgumentHelp(L(.flagBehindTlsProxy)))
    var behindTlsProxy = false

    @Option(help: ArgumentHelp(L(.optAddressFile), valueName: "file"))
    var addressFile: String?

    @Option(help: ArgumentHelp(L(.optCheckpointDir), valueName: "dir"))
    var checkpointDir: String?

    @Option(help: ArgumentHelp(L(.optServeAuditKey), valueName: "file"))
    var auditKey: String?

    func validate() throws {
        guard Self.parse(listen) != nil else { throw ValidationError(L(.cliListenAddress)) }
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
            _ = try service.catchUpDelegationMoves()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            let translated = AppError.from(error)
            throw CommandFailure(message: (translated as? AppError)?.description(in: Language.current) ?? String(describing: translated))
        }
        var configuration = ServerConfiguration(host: host, port: port, behindTLSProxy: behindTlsProxy)
        configuration.checkpointDirectory = checkpointDir
        configuration.auditKeyPath = auditKey
        let server = APIServer(service: service, configuration: configuration)
        let addressFile = addressFile
        let path = database.path
        try await server.run(logger: logger) { address in
            Terminal.err(L(.cliServeListening, ["address": "\(address)", "path": path]))
            if let addressFile { try? address.write(toFile: addressFile, atomically: true, encoding: .utf8) }
        }
    }
}
