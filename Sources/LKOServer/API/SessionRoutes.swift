import Hummingbird
import LKOApplication

struct LoginBody: Decodable {
    var login: String
    var password: String
    /// Also set the session cookie (a browser); the token is returned either way.
    var cookie: Bool?
}

struct PasswordChangeBody: Decodable {
    var currentPassword: String
    var newPassword: String

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password"
        case newPassword = "new_password"
    }
}

/// A session as the API returns it: the token is shown once.
struct SessionAnswer: Encodable {
    var token: String
    var csrfToken: String
    var me: Me

    enum CodingKeys: String, CodingKey {
        case token
        case csrfToken = "csrf_token"
        case me
    }
}

struct MeAnswer: Encodable {
    var me: Me
    var csrfToken: String?

    enum CodingKeys: String, CodingKey {
        case me
        case csrfToken = "csrf_token"
    }
}

extension APIServer {
    func addSessionRoutes(_ api: Routes) {
        api.post("/session/login") { request, context in
            let body = try await APIInput.json(LoginBody.self, request, context: context)
            let session = try await Blocking.run { [service] in try service.login(body.login, password: body.password) }
            // A session presented with the login is ended once the new one exists: a new login
            // always gets a new token, and a failed attempt (anyone's) cannot end a session.
            if let old = context.sessionToken { try? await Blocking.run { [service] in try service.logout(token: old) } }
            var response = try JSONResponse.make(SessionAnswer(token: session.token, csrfToken: CSRFToken.derive(from: session.token), me: session.me), status: .created)
            if body.cookie == true { response.headers[.setCookie] = cookies.setting(session.token) }
            return response
        }
        api.post("/session/logout") { _, context in
            _ = try context.requireCaller()
            if let token = context.sessionToken { try await Blocking.run { [service] in try service.logout(token: token) } }
            var response = JSONResponse.noContent()
            if context.authenticatedByCookie { response.headers[.setCookie] = cookies.clearing() }
            return response
        }
        api.get("/session") { _, context in
            let caller = try context.requireCaller()
            let me = try await Blocking.run { [service] in try service.me(caller) }
            return try JSONResponse.make(MeAnswer(me: me, csrfToken: context.authenticatedByCookie ? context.sessionToken.map(CSRFToken.derive) : nil))
        }
        api.post("/session/password") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(PasswordChangeBody.self, request, context: context)
            let session = try await Blocking.run { [service] in try service.changeOwnPassword(caller, current: body.currentPassword, new: body.newPassword) }
            var response = try JSONResponse.make(SessionAnswer(token: session.token, csrfToken: CSRFToken.derive(from: session.token), me: session.me))
            if context.authenticatedByCookie { response.headers[.setCookie] = cookies.setting(session.token) }
            return response
        }
    }
}
