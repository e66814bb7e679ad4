import Foundation
import Hummingbird
import LKOApplication

/// A state-changing request that comes with the session cookie must carry the session's CSRF
/// token (`X-CSRF-Token`, or the `_csrf` field of a form) and, when the browser names its
/// origin, come from this site. Bearer-token requests carry no ambient authority and pass.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = LKORequestContext
    let maximumFormBody: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API's login needs no ambient authority (it takes a password in a JSON body, which a
        // foreign page cannot send without CORS); the console's login form has its own check.
        guard ![.get, .head, .options].contains(request.method), context.authenticatedByCookie, let session = context.sessionToken,
              request.uri.path != "/api/v1/session/login" else {
            return try await next(request, context)
        }
        try Self.checkOrigin(request)
        var request = request
        var context = context
        var presented = request.headers[.init("X-CSRF-Token")!]
        if presented == nil, FormBody.isForm(request) {
            let form = try await FormBody.read(&request, limit: maximumFormBody)
            context.formBody = form
            presented = form["_csrf"]
        }
        guard let presented, CSRFToken.matches(presented, sessionToken: session) else {
            throw AppError(.forbidden, code: "csrf", message: "Форма устарела или отправлена не со страницы lko (нет проверочного кода). Обновите страницу и повторите.")
        }
        return try await next(request, context)
    }

    /// `Origin` (else `Referer`) must name this host when present.
    static func checkOrigin(_ request: Request) throws {
        guard let host = request.head.authority else { return }
        let refused = AppError(.forbidden, code: "csrf_origin", message: "Запрос пришёл с чужой страницы и отклонён.")
        guard let claimed = request.headers[.origin] ?? request.headers[.referer] else { return }
        guard claimed != "null", let url = URL(string: claimed), let claimedHost = url.host else { throw refused }
        let authority = claimedHost + (url.port.map { ":\($0)" } ?? "")
        guard authority.lowercased() == host.lowercased() else { throw refused }
    }
}

/// `application/x-www-form-urlencoded` bodies, read once and kept on the request.
enum FormBody {
    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }

    static func read(_ request: inout Request, limit: Int) async throws -> [String: String] {
        let buffer = try await request.collectBody(upTo: limit)
        return parse(String(buffer: buffer))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let key = decode(halves[0])
            guard !key.isEmpty, fields[key] == nil else { continue }
            fields[key] = halves.count > 1 ? decode(halves[1]) : ""
        }
        return fields
    }
}
