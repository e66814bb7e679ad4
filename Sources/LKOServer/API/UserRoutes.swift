import Hummingbird
import LKOApplication

struct NewUserBody: Decodable {
    var login: String
    var fullName: String
    var position: String?
    var department: String?
    var email: String?
    var password: String

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case position, department, email, password
    }
}

struct PasswordResetBody: Decodable {
    var password: String
}

extension APIServer {
    func addUserRoutes(_ api: Routes) {
        api.get("/users") { _, context in
            let caller = try context.requireCaller()
            return try JSONResponse.make(try await Blocking.run { [service] in try service.users(caller) })
        }
        api.post("/users") { request, context in
            let caller = try context.requireCaller()
            let body = try await APIInput.json(NewUserBody.self, request, context: context)
            let input = NewUserInput(login: body.login, fullName: body.fullName, position: body.position ?? "", department: body.department ?? "", email: body.email ?? "", password: body.password)
            return try JSONResponse.make(try await Blocking.run { [service] in try service.addUser(caller, input) }, status: .created)
        }
        api.get("/users/{login}") { _, context in
            let caller = try context.requireCaller()
            let login = try APIInput.parameter(context, "login")
            return try JSONResponse.make(try await Blocking.run { [service] in try service.user(caller, login: login) })
        }
        for (verb, enabled) in [("disable", false), ("enable", true)] {
            api.post("/users/{login}/\(verb)") { _, context in
                let caller = try context.requireCaller()
                let login = try APIInput.parameter(context, "login")
                return try JSONResponse.make(try await Blocking.run { [service] in try service.setUserEnabled(caller, login: login, enabled: enabled) })
            }
        }
        api.post("/users/{login}/unlock") { _, context in
            let caller = try context.requireCaller()
            let login = try APIInput.parameter(context, "login")
            return try JSONResponse.make(try await Blocking.run { [service] in try service.unlockUser(caller, login: login) })
        }
        api.post("/users/{login}/password") { request, context in
            let caller = try context.requireCaller()
            let login = try APIInput.parameter(context, "login")
            let body = try await APIInput.json(PasswordResetBody.self, request, context: context)
            try await Blocking.run { [service] in try service.resetPassword(caller, login: login, password: body.password) }
            return JSONResponse.noContent()
        }
    }
}
