import Foundation
import Hummingbird
import LKOApplication

/// The staff console's pages (server-rendered HTML in Russian, docs/console.md): one file per
/// group of pages (`LoginPage`, `CasePages`, `AbsencePage`, `ControlPage`, `AdminPages`), the
/// templates in `Templates/`, the style sheet in `Static/`.
struct ConsoleRoutes {
    let server: APIServer

    func add(_ routes: Routes) {
        routes.get("/static/{file}") { _, context in
            guard let name = context.parameters.get("file"), let response = PageRenderer.shared.staticFile(name) else {
                throw HTTPError(.notFound)
            }
            return response
        }
        addLoginPages(routes)
        addCasePages(routes)
        addAbsencePages(routes)
        addControlPages(routes)
        addAdminPages(routes)
    }
}

enum ConsolePages {
    /// An error as a page, for requests outside the API: an ended session goes to the login
    /// page; everything else is a page in Russian with the message and a way back.
    static let errorPage: @Sendable (APIErrorBody, HTTPResponse.Status, Request, LKORequestContext) -> Response? = { body, status, request, context in
        if status == .unauthorized {
            return Redirect.to(ConsolePaths.login(next: request.method == .get ? ConsolePaths.here(request) : nil))
        }
        let heading: String
        switch status.code {
        case 404: heading = "Не найдено"
        case 403: heading = "Действие отклонено"
        case 405: heading = "Так эту страницу открыть нельзя"
        case 409: heading = "Действие сейчас невозможно"
        case 400, 413, 422: heading = "Запрос не принят"
        case 423: heading = "Учётная запись заблокирована"
        case 503: heading = "Сервис занят"
        default: heading = status.code >= 500 ? "Ошибка сервера" : "Запрос не выполнен"
        }
        var data: [String: Any] = [
            "title": heading,
            "static": PageRenderer.shared.staticVersion,
            "heading": heading,
            "message": body.error.message,
            "details": body.error.details ?? [],
            "hasDetails": !(body.error.details ?? []).isEmpty,
            "status": status.code,
            "loggedIn": context.caller != nil,
        ]
        // The person's name and «Выйти» (the nav needs the policy, which an error page skips).
        if let caller = context.caller, let token = context.sessionToken, context.authenticatedByCookie {
            data["me"] = ["fullName": caller.account.fullName.isEmpty ? caller.login : caller.account.fullName, "position": caller.account.position]
            data["csrf"] = CSRFToken.derive(from: token)
        }
        return PageRenderer.shared.response("error", data, status: status)
    }
}
