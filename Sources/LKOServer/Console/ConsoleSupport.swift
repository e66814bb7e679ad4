import Crypto
import Foundation
import Hummingbird
import LKOApplication

/// The person a page is for: the caller, what they may do today, and the session's tokens.
struct PageSession: Sendable {
    let caller: Caller
    let me: Me
    let token: String

    var csrf: String { CSRFToken.derive(from: token) }
}

/// Thrown by a handler to send the browser elsewhere (to the login page, mostly).
struct ConsoleRedirect: Error {
    var location: String
}

/// A form's fields, as the CSRF middleware read them (or as read here when it did not).
struct ConsoleForm: Sendable {
    var fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    /// A trimmed non-empty value.
    func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func flag(_ name: String) -> Bool { ["on", "1", "true", "yes"].contains(fields[name] ?? "") }
}

/// Double-submit safety: every rendered page carries a random one-time value (`_once`); a POST
/// whose value was already used in this session is not performed again. Remembered per session
/// in a bounded in-memory set (the last 256 values of at most 4,096 sessions); after a restart
/// the workflow's own state checks (an action the state no longer allows is refused) still hold.
final class FormNonces: @unchecked Sendable {
    static let shared = FormNonces()
    private let lock = NSLock()
    private var used: [String: (order: [String], set: Set<String>)] = [:]
    private var sessions: [String] = []
    static let perSession = 256
    static let maximumSessions = 4096

    static func fresh() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// True the first time `nonce` is presented in the session; false for a repeat.
    func consume(_ nonce: String, session token: String) -> Bool {
        let key = Data(SHA256.hash(data: Data(token.utf8))).base64EncodedString()
        lock.lock()
        defer { lock.unlock() }
        var entry = used[key] ?? ([], [])
        if entry.set.contains(nonce) { return false }
        if used[key] == nil {
            sessions.append(key)
            if sessions.count > Self.maximumSessions { used[sessions.removeFirst()] = nil }
        }
        entry.order.append(nonce)
        entry.set.insert(nonce)
        if entry.order.count > Self.perSession { entry.set.remove(entry.order.removeFirst()) }
        used[key] = entry
        return true
    }
}

enum ConsolePaths {
    /// Only a local path may follow a login: `/…`, not `//host`, not a scheme, not the API.
    static func safeNext(_ text: String?) -> String? {
        guard let text, text.count <= 500, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"),
              !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              !text.hasPrefix("/api/"), !text.hasPrefix("/login"), !text.hasPrefix("/logout") else { return nil }
        return text
    }

    static func login(next: String?) -> String {
        guard let next = safeNext(next), next != "/" else { return "/login" }
        return "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_.~"))) ?? "")
    }

    /// The path and query of a request (what `next` brings the person back to).
    static func here(_ request: Request) -> String {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return request.uri.path + query
    }

    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? segment
    }
}

/// One item of the top navigation.
struct NavItem: Sendable {
    var href: String
    var title: String
    var visible: @Sendable (Me.Capabilities) -> Bool

    static let all: [NavItem] = [
        NavItem(href: "/cases", title: "Мои сообщения и обращения") { $0.draft },
        NavItem(href: "/absence", title: "Моё отсутствие") { $0.draft },
        NavItem(href: "/approval", title: "На утверждении") { $0.approve },
        NavItem(href: "/incoming", title: "Поступившие") { $0.assign },
        NavItem(href: "/control", title: "Ежедневный контроль") { $0.report },
        NavItem(href: "/admin/users", title: "Пользователи") { $0.manageUsers },
        NavItem(href: "/admin/absences", title: "Отсутствия") { $0.manageDelegations },
        NavItem(href: "/admin/policy", title: "Политика") { $0.managePolicy },
        NavItem(href: "/admin/audit", title: "Журнал") { $0.viewAudit },
    ]

    /// Where `/` sends a person: their main page by what they may do.
    static func home(_ can: Me.Capabilities) -> String {
        if can.draft { return "/cases" }
        if can.assign { return "/incoming" }
        if can.report { return "/control" }
        if can.approve { return "/approval" }
        if can.manageUsers { return "/admin/users" }
        if can.managePolicy { return "/admin/policy" }
        if can.viewAudit { return "/admin/audit" }
        return "/password"
    }
}

extension ConsoleRoutes {
    var service: LKOService { server.service }
    var renderer: PageRenderer { PageRenderer.shared }

    /// The page's person, or a redirect to the login page that brings them back here.
    func session(_ request: Request, _ context: LKORequestContext, returnTo: String? = nil) async throws -> PageSession {
        guard let caller = context.caller, let token = context.sessionToken, context.authenticatedByCookie else {
            throw ConsoleRedirect(location: ConsolePaths.login(next: returnTo ?? (request.method == .get ? ConsolePaths.here(request) : nil)))
        }
        let me = try await Blocking.run { [service] in try service.me(caller) }
        return PageSession(caller: caller, me: me, token: token)
    }

    /// The form of a POST: read by the CSRF middleware (a session's form) or here.
    func form(_ request: Request, _ context: LKORequestContext) async throws -> ConsoleForm {
        if let fields = context.formBody { return ConsoleForm(fields: fields) }
        guard FormBody.isForm(request) else { return ConsoleForm(fields: [:]) }
        var request = request
        return ConsoleForm(fields: try await FormBody.read(&request, limit: server.configuration.maximumBody))
    }

    /// Refuses a repeated submission of the same rendered form.
    func once(_ form: ConsoleForm, _ session: PageSession) throws {
        guard let nonce = form["_once"], (16...64).contains(nonce.count) else {
            throw AppError(.invalid, code: "form_nonce", message: "Форма отправлена без служебного поля; обновите страницу и повторите.")
        }
        guard FormNonces.shared.consume(nonce, session: session.token) else {
            throw AppError(.conflict, code: "form_repeated", message: "Эта форма уже была отправлена; повторная отправка не выполнена. Проверьте результат на странице.")
        }
    }

    /// What every page's layout needs, plus the page's own values.
    func page(_ title: String, _ session: PageSession?, _ request: Request, current: String? = nil, _ values: [String: Any] = [:]) -> [String: Any] {
        var data: [String: Any] = [
            "title": title,
            "static": renderer.staticVersion,
            "once": FormNonces.fresh(),
        ]
        if let session {
            let path = current ?? request.uri.path
            data["me"] = ["fullName": session.me.fullName.isEmpty ? session.me.login : session.me.fullName, "position": session.me.position]
            data["csrf"] = session.csrf
            data["sandbox"] = session.me.sandbox
            data["hasNav"] = NavItem.all.contains { $0.visible(session.me.can) }
            data["nav"] = NavItem.all.filter { $0.visible(session.me.can) }.map { item -> [String: Any] in
                ["href": item.href, "title": item.title, "current": path == item.href || path.hasPrefix(item.href + "/")]
            }
        }
        if let flash = Flash.read(request) {
            data["flash"] = ["text": flash.text, "kind": flash.kind, "isError": flash.kind == "error"]
        }
        for (key, value) in values { data[key] = value }
        return data
    }

    /// Renders a page; the flash message, once shown, is cleared.
    func render(_ template: String, _ data: [String: Any], request: Request, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var cookies = cookies
        if request.cookies[Flash.name] != nil { cookies.append(Flash.clearing) }
        return renderer.response(template, data, status: status, cookies: cookies)
    }

    /// Registers a page handler: a redirect thrown inside becomes a 303; an ended session, a
    /// redirect to the login page.
    func handle(_ routes: Routes, _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Routes.Handler) {
        routes.on(method, path) { request, context in
            do {
                return try await handler(request, context)
            } catch let redirect as ConsoleRedirect {
                return Redirect.to(redirect.location)
            } catch let error as AppError where error.kind == .unauthenticated {
                return Redirect.to(ConsolePaths.login(next: request.method == .get ? ConsolePaths.here(request) : nil), cookies: [server.cookies.clearing()])
            } catch let error as AppError {
                // Rendered here rather than by the error middleware, which runs before the
                // session is known: the page keeps the person's name and «Выйти».
                if let page = ConsolePages.errorPage(APIErrorBody(error), ErrorMiddleware.status(for: error.kind), request, context) { return page }
                throw error
            }
        }
    }

    /// The fields' errors of a refused form (`field` → message), and the message for the top.
    static func errors(_ error: AppError) -> [String: Any] {
        var map: [String: Any] = ["message": error.message, "details": error.details, "hasDetails": !error.details.isEmpty]
        if let field = error.field { map["field_" + field] = error.message }
        return map
    }

    static func status(_ error: AppError) -> HTTPResponse.Status {
        ErrorMiddleware.status(for: error.kind)
    }
}

/// Values a page shows, in Russian.
enum ConsoleText {
    static func daysLeft(_ summary: CaseSummary) -> String {
        guard let left = summary.workingDaysLeft else { return "—" }
        if left < 0 { return "просрочено на " + RussianText.workingDays(-left) }
        if left == 0 { return "последний день" }
        return RussianText.workingDays(left)
    }

    /// A summary row for the lists.
    static func row(_ summary: CaseSummary) -> [String: Any] {
        var row: [String: Any] = [
            "number": summary.posNumber,
            "href": "/cases/" + ConsolePaths.encode(summary.posNumber),
            "regime": summary.regimeTitle,
            "category": summary.categoryTitle,
            "subcategory": summary.subcategoryTitle,
            "state": summary.stateTitle,
            "deadline": summary.deadlineText.isEmpty ? "—" : summary.deadlineText,
            "left": daysLeft(summary),
            "assignee": summary.assigneeName ?? "Координатор",
            "overdue": summary.overdue,
            "atRisk": summary.atRisk,
            "fastTrack": summary.fastTrack,
            "received": RussianText.date(iso: summary.receivedOn),
        ]
        if let original = summary.originalAssigneeName { row["actingFor"] = original }
        return row
    }

    static func pager(_ page: Page<CaseSummary>, base: String) -> [String: Any] {
        pager(page: page.page, perPage: page.perPage, total: page.total, base: base)
    }

    static func pager(page: Int, perPage: Int, total: Int, base: String) -> [String: Any] {
        let pages = max(1, (total + perPage - 1) / perPage)
        let joiner = base.contains("?") ? "&" : "?"
        var result: [String: Any] = ["page": page, "pages": pages, "total": total, "many": pages > 1]
        if page > 1 { result["prev"] = base + joiner + "page=\(page - 1)" }
        if page < pages { result["next"] = base + joiner + "page=\(page + 1)" }
        return result
    }
}

extension ConsoleRoutes {
    /// A path parameter; a missing one is "not found".
    static func parameter(_ context: LKORequestContext, _ name: String) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw AppError.notFound }
        return value
    }
}
