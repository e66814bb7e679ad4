import Foundation
import Hummingbird
import LKOApplication
import LKOStore
import Logging
import ServiceLifecycle

/// `lko serve`: the HTTP shell over ``LKOService``. It owns the database for the staff: every
/// person logs in as themselves; every action goes through the same gate as the CLI's.
///
/// Routes: the JSON API under `/api/v1` (docs/api/openapi.yaml), `/healthz`, and the staff
/// console's pages (``ConsoleRoutes``).
public struct APIServer: Sendable {
    public let service: LKOService
    public let configuration: ServerConfiguration
    public let routes = RouteTable()
    let cookies: SessionCookies

    public init(service: LKOService, configuration: ServerConfiguration) {
        self.service = service
        self.configuration = configuration
        self.cookies = SessionCookies(secure: configuration.behindTLSProxy)
    }

    /// The router with every middleware and route.
    public func router() -> Router<LKORequestContext> {
        let router = Router(context: LKORequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(routes: routes, page: ConsolePages.errorPage))
        router.add(middleware: SessionMiddleware(service: service, cookies: cookies))
        router.add(middleware: CSRFMiddleware(maximumFormBody: configuration.maximumBody))

        let root = Routes(group: router.group(""), table: routes, prefix: "")
        root.get("/healthz") { _, _ in
            let database = (try? await Blocking.run { [service] in try service.store.integrityQuick() }) ?? false
            return try JSONResponse.make(Health(status: database ? "ok" : "degraded", database: database ? "ok" : "unavailable"), status: database ? .ok : .serviceUnavailable)
        }
        let api = Routes(group: router.group("api/v1"), table: routes, prefix: "/api/v1")
        api.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
        addSessionRoutes(api)
        addCaseRoutes(api)
        addAbsenceRoutes(api)
        addReportRoutes(api)
        addUserRoutes(api)
        addPolicyRoutes(api)
        addAccessRoutes(api)
        ConsoleRoutes(server: self).add(Routes(group: router.group(""), table: routes, prefix: ""))
        return router
    }

    /// The application, with the background work the server does besides answering requests.
    /// `onRunning` gets the bound `host:port` (with the real port when 0 was asked for).
    public func application(logger: Logger, onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        let host = configuration.host
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "lko"),
            services: [
                DelegationTicker(service: service, interval: configuration.delegationInterval, logger: logger),
                CheckpointWriter(store: service.store, keyPath: configuration.auditKeyPath ?? AuditKey.defaultPath(forDatabase: service.store.path),
                                 directory: configuration.checkpointDirectory ?? AuditKey.defaultCheckpointDirectory(forDatabase: service.store.path),
                                 interval: configuration.checkpointInterval, logger: logger),
            ],
            onServerRunning: { channel in onRunning("\(host):\(channel.localAddress?.port ?? 0)") },
            logger: logger
        )
    }

    /// Runs until SIGTERM or SIGINT, then finishes the requests in flight and stops.
    public func run(logger: Logger, onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try await application(logger: logger, onRunning: onRunning).runService()
    }
}

struct Health: Encodable {
    var status: String
    var database: String
}

/// The OpenAPI document, shipped with the server (a copy of docs/api/openapi.yaml; a test keeps
/// the two identical).
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "OpenAPI"),
              let data = try? Data(contentsOf: url) else { return Array("openapi: 3.1.0\n".utf8) }
        return Array(data)
    }()
}
