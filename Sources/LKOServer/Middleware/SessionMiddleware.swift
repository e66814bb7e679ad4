import Crypto
import Foundation
import Hummingbird
import LKOApplication

/// Finds the caller: `Authorization: Bearer TOKEN` (API clients, the CLI) or the session cookie
/// (browsers). A token that does not authenticate is a 401 on the API; a page treats the
/// visitor as logged out (and the route then asks them to log in).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = LKORequestContext
    let service: LKOService
    let cookies: SessionCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let bearer = request.headers[.authorization].flatMap { header -> String? in
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return String(parts[1])
        }
        // The API answers a bad credential with 401; a page treats its visitor as logged out
        // (a proxy's `Authorization: Basic …` must not lock the console in a redirect loop).
        let isAPI = request.uri.path.hasPrefix("/api/") || request.uri.path == "/healthz"
        if request.headers[.authorization] != nil, bearer == nil, isAPI {
            throw AppError(.unauthenticated, code: "bad_authorization", message: "Заголовок Authorization должен иметь вид «Bearer ТОКЕН».")
        }
        let cookie = cookies.token(in: request)
        if let token = bearer ?? cookie {
            do {
                let caller = try await Blocking.run { [service] in try service.authenticate(token: token) }
                context.caller = caller
                context.sessionToken = token
                context.authenticatedByCookie = bearer == nil
            } catch let error as AppError where error.kind == .unauthenticated || error.kind == .forbidden || error.kind == .locked {
                if isAPI && (bearer != nil || !PublicPaths.contains(request.uri.path)) { throw AppError(.unauthenticated, code: error.code, message: error.message) }
            }
        }
        return try await next(request, context)
    }
}

/// Routes that answer without a session.
enum PublicPaths {
    static let api: Set<String> = ["/api/v1/session/login", "/api/v1/openapi.yaml", "/healthz"]

    static func contains(_ path: String) -> Bool { api.contains(path) }
}

/// The session cookie: `HttpOnly`, `SameSite=Strict`, and `Secure` with the `__Host-` prefix
/// when the browser reaches lko over TLS (through a proxy that says so).
public struct SessionCookies: Sendable {
    public var secure: Bool

    public var name: String { secure ? "__Host-lko_session" : "lko_session" }

    func token(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }

    func setting(_ token: String) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=43200" + (secure ? "; Secure" : "")
    }

    func clearing() -> String {
        "\(name)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : "")
    }
}

/// The synchronizer token of a session: derived from the session's secret token, so it needs
/// no storage, changes with every login, and cannot be computed by a page that cannot read the
/// HttpOnly cookie.
enum CSRFToken {
    static func derive(from sessionToken: String) -> String {
        let digest = SHA256.hash(data: Data(("lko-csrf\u{0}" + sessionToken).utf8))
        return Data(digest).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func matches(_ presented: String, sessionToken: String) -> Bool {
        let expected = Array(derive(from: sessionToken).utf8)
        let given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }
}
