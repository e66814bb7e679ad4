import Foundation
import Hummingbird
import Logging

/// One log line per request: method, path (never the query, a header or a body — they may hold
/// a password, a token or a citizen's text), status, time, the caller's login and the request id,
/// which the response also carries as `X-Request-Id`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LKORequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = context.id
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = id
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(String(request.uri.path.prefix(200))),
            "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.1f", milliseconds)),
        ])
        return response
    }
}
