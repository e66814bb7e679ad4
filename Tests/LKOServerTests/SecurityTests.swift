import Foundation
import Hummingbird
import HummingbirdTesting
import LKOApplication
import LKOServer
import LKOStore
import Testing

/// The service's security properties (issue 10): CSRF, session fixation, IDOR, the lockout race,
/// inert citizen text, headers.
@Suite struct SecurityTests {
    /// Logs in with the cookie and returns (cookie header value, csrf token).
    func cookieLogin(_ client: some TestClientProtocol, _ login: String) async throws -> (cookie: String, csrf: String) {
        try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                                 body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(testPassword)","cookie":true}"#)) { response in
            #expect(response.status == .created)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            let cookie = String(setCookie.split(separator: ";")[0])
            let csrf = try #require(try json(response)["csrf_token"] as? String)
            return (cookie, csrf)
        }
    }

    @Test func cookieRequestWithoutCSRFTokenIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let (cookie, csrf) = try await cookieLogin(client, "roads_specialist")
            let body = ByteBuffer(string: #"{"text":"Ответ"}"#)
            // No token: 403, and nothing changed.
            try await client.execute(uri: "/api/v1/cases/DEMO-0001/actions/draft", method: .post, headers: [.cookie: cookie, .contentType: "application/json"], body: body) { response in
                #expect(response.status == .forbidden)
                let error = try json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "csrf")
            }
            // A wrong token: 403.
            try await client.execute(uri: "/api/v1/cases/DEMO-0001/actions/draft", method: .post, headers: [.cookie: cookie, .contentType: "application/json", .init("X-CSRF-Token")!: "AAAA" + csrf.dropFirst(4)], body: body) { response in
                #expect(response.status == .forbidden)
            }
            // The right token but another site's Origin: 403.
            try await client.execute(uri: "/api/v1/cases/DEMO-0001/actions/draft", method: .post, headers: [.cookie: cookie, .contentType: "application/json", .init("X-CSRF-Token")!: csrf, .origin: "https://evil.example", .init("Host")!: "lko.local"], body: body) { response in
                #expect(response.status == .forbidden)
            }
            let unchanged = try fixture.service.caseDetail(try fixture.caller("roads_specialist"), number: "DEMO-0001")
            #expect(unchanged.answer == nil)
            // The right token: done.
            try await client.execute(uri: "/api/v1/cases/DEMO-0001/actions/draft", method: .post, headers: [.cookie: cookie, .contentType: "application/json", .init("X-CSRF-Token")!: csrf], body: body) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func loginRotatesTheSessionAndAClientChosenTokenIsNeverAccepted() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            // A fixated, attacker-chosen cookie is not a session.
            let fixated = "lko_session=" + String(repeating: "A", count: 43)
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: fixated]) { response in
                #expect(response.status == .unauthorized)
            }
            let first = try await cookieLogin(client, "roads_specialist")
            // Logging in again with the old cookie presented ends the old session.
            let second: String = try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json", .cookie: first.cookie],
                                                          body: ByteBuffer(string: #"{"login":"roads_specialist","password":"\#(testPassword)","cookie":true}"#)) { response in
                #expect(response.status == .created)
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            #expect(second != first.cookie)
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: first.cookie]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: second]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func anotherExecutorsCaseIsNotFoundOnEveryCaseRoute() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let token = try await login(client, "health_liaison")
            let routes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/cases/DEMO-0001", nil),
                (.get, "/api/v1/cases/DEMO-0001/history", nil),
                (.post, "/api/v1/cases/DEMO-0001/actions/draft", #"{"text":"x"}"#),
                (.post, "/api/v1/cases/DEMO-0001/actions/reassign", #"{"to":"health_liaison"}"#),
                (.get, "/api/v1/reports/responsibility/DEMO-0001", nil),
            ]
            for (method, uri, body) in routes {
                try await client.execute(uri: uri, method: method, headers: bearer(token, json: body != nil), body: body.map { ByteBuffer(string: $0) }) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .notFound || (uri.contains("responsibility") && response.status == .forbidden), "\(uri): \(response.status)")
                    #expect(!text.contains("Ленина") && !text.contains("Иванов") && !text.contains("roads"), "\(uri) leaked: \(text)")
                }
            }
            // And the list holds none of it.
            try await client.execute(uri: "/api/v1/cases?view=all", method: .get, headers: bearer(token)) { response in
                #expect(!String(buffer: response.body).contains("DEMO-0001"))
            }
        }
    }

    @Test func citizenTextComesBackAsData() async throws {
        let fixture = try ServerFixture()
        let payload = #"<script>alert(1)</script><img src=x onerror=alert(2)>\"; DROP TABLE cases; --"#
        let line = #"{"pos_number":"XSS-1","regime":"message","category":"roads","subcategory":"potholes","fact":"carriageway","channel":"widget","address":"\#(payload)","description":"\#(payload)","applicant":{"name":"\#(payload)","contacts":"x"},"received_at":"2026-03-02","moderation_at":"2026-03-02"}"#
        _ = try fixture.service.importCases(try fixture.caller("finance_sysadmin"), data: Data(line.utf8))
        try await fixture.application().test(.router) { client in
            let token = try await login(client, "roads_specialist")
            try await client.execute(uri: "/api/v1/cases/XSS-1", method: .get, headers: bearer(token)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                let detail = try JSONDecoder().decode(CaseDetail.self, from: Data(buffer: response.body))
                #expect(detail.description == payload.replacingOccurrences(of: #"\""#, with: "\""))
            }
        }
    }

    @Test func securityHeadersOnEveryKindOfResponse() async throws {
        let fixture = try ServerFixture(importDemoCases: false)
        try await fixture.application().test(.router) { client in
            for (uri, method) in [("/healthz", HTTPRequest.Method.get), ("/api/v1/cases", .get), ("/nowhere", .get), ("/api/v1/cases", .delete)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                    #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
                    #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[.init("Referrer-Policy")!] != nil)
                }
            }
        }
    }

    /// 30 wrong guesses in parallel, then the right password 50 ms later: refused, still locked.
    @Test func lockoutRaceOverHTTP() async throws {
        let fixture = try ServerFixture(importDemoCases: false)
        try await fixture.application().test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(string: #"{"login":"roads_specialist","password":"wrong guess \#(index)"}"#)) { response in
                            #expect(response.status == .unauthorized || response.status.code == 423)
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(50))
                group.addTask {
                    try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                                             body: ByteBuffer(string: #"{"login":"roads_specialist","password":"\#(testPassword)"}"#)) { response in
                        #expect(response.status.code == 423, "the right password during the burst must not log in: \(response.status)")
                    }
                }
                try await group.waitForAll()
            }
            let account = try fixture.store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = 'roads_specialist'")! }
            #expect(account.lockedUntil != nil)
            try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"login":"roads_specialist","password":"\#(testPassword)"}"#)) { response in
                #expect(response.status.code == 423)
            }
        }
    }

    @Test func changingOwnPasswordNeedsTheCurrentOne() async throws {
        let fixture = try ServerFixture(importDemoCases: false)
        try await fixture.application().test(.router) { client in
            let token = try await login(client, "roads_specialist")
            try await client.execute(uri: "/api/v1/session/password", method: .post, headers: bearer(token, json: true),
                                     body: ByteBuffer(string: #"{"current_password":"not it","new_password":"a much longer new passphrase"}"#)) { response in
                #expect(response.status == .badRequest)
                let error = try json(response)["error"] as? [String: Any]
                #expect(error?["field"] as? String == "current_password")
            }
            let newToken: String = try await client.execute(uri: "/api/v1/session/password", method: .post, headers: bearer(token, json: true),
                                                            body: ByteBuffer(string: #"{"current_password":"\#(testPassword)","new_password":"a much longer new passphrase"}"#)) { response in
                #expect(response.status == .ok)
                return try #require(try json(response)["token"] as? String)
            }
            // The old session ended with the change; the new one works.
            try await client.execute(uri: "/api/v1/session", method: .get, headers: bearer(token)) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: bearer(newToken)) { #expect($0.status == .ok) }
        }
    }
}
