import Foundation
import Hummingbird
import LKOApplication

/// Вход, выход, смена пароля, and `/`, which sends each person to their main page.
///
/// The login form has no session to derive a CSRF token from, so it uses a double-submit
/// cookie: a random value in an HttpOnly `SameSite=Strict` cookie and the same value in the form.
extension ConsoleRoutes {
    static let loginCookie = "lko_login"

    func addLoginPages(_ routes: Routes) {
        handle(routes, .get, "/") { request, context in
            let session = try await session(request, context)
            return Redirect.to(NavItem.home(session.me.can))
        }

        handle(routes, .get, "/login") { request, context in
            let next = ConsolePaths.safeNext(request.uri.queryParameters.get("next").map { String($0) })
            if context.caller != nil, context.authenticatedByCookie { return Redirect.to(next ?? "/") }
            return loginPage(request, next: next, login: "", error: nil, status: .ok)
        }

        handle(routes, .post, "/login") { request, context in
            let form = try await form(request, context)
            let next = ConsolePaths.safeNext(form["next"])
            try CSRFMiddleware.checkOrigin(request)
            guard let cookie = request.cookies[Self.loginCookie]?.value, cookie.count >= 32, let presented = form["_login"],
                  CSRFToken.same(cookie, presented) else {
                let error = AppError(.forbidden, code: "csrf", message: "Страница входа устарела или форма отправлена не со страницы lko. Введите логин и пароль ещё раз.")
                return loginPage(request, next: next, login: form["login"] ?? "", error: error, status: .forbidden)
            }
            let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            do {
                let newSession = try await Blocking.run { [service] in try service.login(login, password: password) }
                if let old = context.sessionToken { try? await Blocking.run { [service] in try service.logout(token: old) } }
                return Redirect.to(next ?? "/", cookies: [server.cookies.setting(newSession.token), "\(Self.loginCookie)=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0"])
            } catch let error as AppError {
                return loginPage(request, next: next, login: login, error: error, status: Self.status(error))
            }
        }

        handle(routes, .post, "/logout") { request, context in
            if let token = context.sessionToken, context.caller != nil {
                try? await Blocking.run { [service] in try service.logout(token: token) }
            }
            return Redirect.to("/login", cookies: [server.cookies.clearing(), Flash.setting("Вы вышли из системы.")])
        }

        handle(routes, .get, "/password") { request, context in
            let session = try await session(request, context)
            return render("password", page("Смена пароля", session, request), request: request)
        }

        handle(routes, .post, "/password") { request, context in
            let session = try await session(request, context, returnTo: "/password")
            let form = try await form(request, context)
            do {
                try once(form, session)
                let current = form["current_password"] ?? ""
                let new = form["new_password"] ?? ""
                guard new == (form["new_password_again"] ?? "") else {
                    throw AppError.invalid("Новый пароль и повтор не совпадают.", field: "new_password_again")
                }
                let caller = session.caller
                let fresh = try await Blocking.run { [service] in try service.changeOwnPassword(caller, current: current, new: new) }
                return Redirect.to(NavItem.home(fresh.me.can), cookies: [server.cookies.setting(fresh.token), Flash.setting("Пароль изменён. Другие сеансы этой учётной записи завершены.")])
            } catch let error as AppError where error.kind != .unauthenticated {
                return render("password", page("Смена пароля", session, request, ["errors": Self.errors(error)]), request: request, status: Self.status(error))
            }
        }
    }

    func loginPage(_ request: Request, next: String?, login: String, error: AppError?, status: HTTPResponse.Status) -> Response {
        let value = FormNonces.fresh() + FormNonces.fresh()
        var data = page("Вход", nil, request, ["loginToken": value, "login": login, "next": next ?? ""])
        if let error { data["errors"] = Self.errors(error) }
        let cookie = "\(Self.loginCookie)=\(value); Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600" + (server.cookies.secure ? "; Secure" : "")
        return render("login", data, request: request, status: status, cookies: [cookie])
    }
}

extension CSRFToken {
    /// Constant-time comparison of two strings of the same length.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
