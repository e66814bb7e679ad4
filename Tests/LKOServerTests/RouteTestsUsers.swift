import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// `/api/v1/users…`: accounts (`manage_users`: the administrator).
@Suite struct RouteTestsUsers {
    static let newUser = #"{"login":"transport_specialist","full_name":"Новиков Олег Иванович","position":"Специалист по транспорту","email":"novikov@example.ru","password":"a long enough password 1"}"#

    @Test func theAdministratorListsAccounts() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head", "ookr_curator")
            let reply = try await send(client, .get, "/api/v1/users", token: people["finance_sysadmin"]!)
            #expect(reply.status == .ok)
            let users = try reply.array()
            #expect(users.count == people.count + 7)
            let head = try #require(users.first { $0["login"] as? String == "head" })
            #expect(head["full_name"] as? String == "Кузнецов Андрей Николаевич")
            #expect(head["status"] as? String == "active" && head["locked"] as? Bool == false && head["failed_logins"] as? Int == 0)
            #expect(head["password"] == nil && head["password_hash"] == nil)
            let names = users.compactMap { $0["full_name"] as? String }
            #expect(names == names.sorted(), "by full name")
            for who in ["head", "ookr_curator"] {
                expectError(try await send(client, .get, "/api/v1/users", token: people[who]!), .forbidden, code: "forbidden")
            }
        }
    }

    @Test func oneAccount() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "roads_specialist")
            let reply = try await send(client, .get, "/api/v1/users/head", token: people["finance_sysadmin"]!)
            #expect(reply.status == .ok)
            #expect(try reply.object()["full_name"] as? String == "Кузнецов Андрей Николаевич")
            // One's own account, yes; someone else's, no.
            let own = try await send(client, .get, "/api/v1/users/roads_specialist", token: people["roads_specialist"]!)
            #expect(own.status == .ok)
            #expect(try own.object()["login"] as? String == "roads_specialist")
            expectError(try await send(client, .get, "/api/v1/users/head", token: people["roads_specialist"]!), .forbidden, code: "forbidden")
            expectError(try await send(client, .get, "/api/v1/users/nobody", token: people["finance_sysadmin"]!), .notFound, code: "unknown_login")
        }
    }

    @Test func creatingAnAccount() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head")
            let admin = people["finance_sysadmin"]!
            expectError(try await send(client, .post, "/api/v1/users", token: people["head"]!, json: Self.newUser), .forbidden, code: "forbidden")
            let reply = try await send(client, .post, "/api/v1/users", token: admin, json: Self.newUser)
            #expect(reply.status == .created, "\(reply)")
            let body = try reply.object()
            #expect(body["login"] as? String == "transport_specialist" && body["full_name"] as? String == "Новиков Олег Иванович")
            #expect(body["position"] as? String == "Специалист по транспорту" && body["email"] as? String == "novikov@example.ru" && body["department"] as? String == "")
            #expect(body["status"] as? String == "active")
            _ = try await login(client, "transport_specialist", password: "a long enough password 1")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: Self.newUser), .conflict, code: "login_taken", field: "login")
        }
    }

    @Test func accountInputIsChecked() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let admin = try await login(client, "finance_sysadmin")
            func variant(_ from: String, _ to: String) -> String { Self.newUser.replacingOccurrences(of: from, with: to) }
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("transport_specialist", "9lives")), .badRequest, code: "invalid_login", field: "login")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("transport_specialist", String(repeating: "a", count: 65))), .badRequest, field: "login")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("Новиков Олег Иванович", "  ")), .badRequest, field: "full_name")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("Новиков Олег Иванович", String(repeating: "я", count: 501))), .badRequest, field: "full_name")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("Специалист по транспорту", #"a\nb"#)), .badRequest, field: "position")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: variant("a long enough password 1", "")), .badRequest, field: "password")
            expectError(try await send(client, .post, "/api/v1/users", token: admin, json: #"{"login":"x","password":"a long enough password 1"}"#), .badRequest, code: "invalid_json", field: "full_name")
            let weak = try await send(client, .post, "/api/v1/users", token: admin, json: variant("a long enough password 1", "short"))
            expectError(weak, .badRequest, code: "weak_password")
            // Was a known issue in review: weak_password always names new_password; here the field is password (fixed).
            #expect(weak.errorField == "password")
            let mail = try await send(client, .post, "/api/v1/users", token: admin, json: variant("novikov@example.ru", "novikov"))
            expectError(mail, .badRequest, code: "invalid_field")
            // Was a known issue in review: the e-mail field is reported as «e-mail», the request field is «email» (fixed).
            #expect(mail.errorField == "email")
        }
    }

    @Test func disablingAndEnabling() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head")
            let admin = people["finance_sysadmin"]!
            expectError(try await send(client, .post, "/api/v1/users/housing_specialist/disable", token: people["head"]!), .forbidden, code: "forbidden")
            let disabled = try await send(client, .post, "/api/v1/users/housing_specialist/disable", token: admin)
            #expect(disabled.status == .ok, "\(disabled)")
            #expect(try disabled.object()["status"] as? String == "disabled")
            #expect(try disabled.object()["status_title"] as? String == "отключена")
            expectError(try await send(client, .post, "/api/v1/users/housing_specialist/enable", token: people["head"]!), .forbidden, code: "forbidden")
            let enabled = try await send(client, .post, "/api/v1/users/housing_specialist/enable", token: admin)
            #expect(try enabled.object()["status"] as? String == "active")
            _ = try await login(client, "housing_specialist")
            // Someone holding open cases cannot be disabled: the blockers are listed.
            let blocked = try await send(client, .post, "/api/v1/users/roads_specialist/disable", token: admin)
            expectError(blocked, .conflict, code: "blocked")
            #expect((blocked.error?["details"] as? [String])?.contains { $0.contains("DEMO-0001") } == true)
            // The last one who may change the policy cannot be disabled.
            expectError(try await send(client, .post, "/api/v1/users/finance_sysadmin/disable", token: admin), .conflict)
            expectError(try await send(client, .post, "/api/v1/users/nobody/disable", token: admin), .notFound, code: "unknown_login")
        }
    }

    @Test func unlocking() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head")
            expectError(try await send(client, .post, "/api/v1/users/roads_specialist/unlock", token: people["head"]!), .forbidden, code: "forbidden")
            for _ in 0..<5 { _ = try await send(client, .post, "/api/v1/session/login", json: #"{"login":"roads_specialist","password":"wrong password 123"}"#) }
            let reply = try await send(client, .post, "/api/v1/users/roads_specialist/unlock", token: people["finance_sysadmin"]!)
            #expect(reply.status == .ok)
            #expect(try reply.object()["locked"] as? Bool == false)
            #expect(try reply.object()["failed_logins"] as? Int == 0)
            _ = try await login(client, "roads_specialist")
            expectError(try await send(client, .post, "/api/v1/users/nobody/unlock", token: people["finance_sysadmin"]!), .notFound, code: "unknown_login")
        }
    }

    @Test func resettingSomeoneElsesPassword() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head", "roads_specialist")
            let admin = people["finance_sysadmin"]!
            let body = #"{"password":"a brand new password 7"}"#
            expectError(try await send(client, .post, "/api/v1/users/roads_specialist/password", token: people["head"]!, json: body), .forbidden, code: "forbidden")
            let reply = try await send(client, .post, "/api/v1/users/roads_specialist/password", token: admin, json: body)
            #expect(reply.status == .noContent, "\(reply)")
            #expect(reply.text.isEmpty)
            expectError(try await send(client, .get, "/api/v1/session", token: people["roads_specialist"]!), .unauthorized)
            _ = try await login(client, "roads_specialist", password: "a brand new password 7")
            expectError(try await send(client, .post, "/api/v1/users/finance_sysadmin/password", token: admin, json: body), .badRequest, field: "login")
            expectError(try await send(client, .post, "/api/v1/users/roads_specialist/password", token: admin, json: #"{"password":""}"#), .badRequest, field: "password")
            expectError(try await send(client, .post, "/api/v1/users/roads_specialist/password", token: admin, json: "{}"), .badRequest, code: "invalid_json", field: "password")
            expectError(try await send(client, .post, "/api/v1/users/nobody/password", token: admin, json: body), .notFound, code: "unknown_login")
        }
    }
}
