import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// What holds for every route: sessions, unknown paths and methods, body limits, media types.
@Suite struct RouteTestsProtocol {
    /// Walks the whole route table: every protected route answers 401 without a session, with a
    /// malformed `Authorization` and with a token that is not a session — so a new route cannot
    /// forget `requireCaller()`. A path with a case number reveals nothing about the case.
    @Test func everyProtectedRouteNeedsASession() async throws {
        try await withAPI { client, fixture in
            let entries = apiEntries(fixture.server.routes)
            #expect(entries.count >= 30)
            var checked = 0
            for entry in entries where !publicRoutes.contains("\(entry.method.rawValue) \(entry.path)") {
                let path = samplePath(entry.path)
                let json: String? = entry.method == .post ? "{}" : nil
                for (label, headers) in [("no session", HTTPFields()), ("malformed", [.authorization: "Basic Zm9vOmJhcg=="]),
                                         ("not a session", [.authorization: "Bearer not-a-real-token"]),
                                         ("stale cookie", [.cookie: "lko_session=stale-token"])] as [(String, HTTPFields)] {
                    let reply = try await send(client, entry.method, path, json: json, headers: headers)
                    #expect(reply.status == .unauthorized, "\(entry.method) \(entry.path) (\(label)): \(reply)")
                    #expect(reply.error != nil, "\(entry.method) \(entry.path) (\(label)): \(reply)")
                    #expect(!reply.text.contains("DEMO-0001") && !reply.text.contains("Ленина"), "\(entry.method) \(entry.path): \(reply)")
                }
                checked += 1
            }
            #expect(checked == entries.count - publicRoutes.count)
        }
    }

    @Test func thePublicRoutesAnswerWithoutASession() async throws {
        try await withAPI { client, _ in
            let health = try await send(client, .get, "/healthz")
            #expect(health.status == .ok)
            #expect(try health.object()["status"] as? String == "ok")
            #expect(try health.object()["database"] as? String == "ok")
            let document = try await send(client, .get, "/api/v1/openapi.yaml")
            #expect(document.status == .ok)
            #expect(document.text.hasPrefix("openapi: 3.1"))
            let login = try await send(client, .post, "/api/v1/session/login", json: #"{"login":"head","password":"\#(testPassword)"}"#)
            #expect(login.status == .created)
        }
    }

    @Test func aMalformedBearerIs401EvenOnPublicRoutes() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            for value in ["Bearer", "Token abc", "bearer", "Basic Zm9vOmJhcg=="] {
                let reply = try await send(client, .get, "/api/v1/session", headers: [.authorization: value])
                expectError(reply, .unauthorized, code: "bad_authorization")
            }
            let health = try await send(client, .get, "/healthz", headers: [.authorization: "Token abc"])
            // Was a known issue in review: /healthz is answered like a console page: a 401 there becomes a 303 to /login (ErrorMiddleware renders pages for every path outside /api/) (fixed).
            expectError(health, .unauthorized, code: "bad_authorization")
            let login = try await send(client, .post, "/api/v1/session/login", json: #"{"login":"head","password":"\#(testPassword)"}"#,
                                       headers: [.authorization: "Bearer no-such-session"])
            #expect(login.status == .unauthorized, "\(login)")
        }
    }

    @Test func anUnknownRouteIs404() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "finance_sysadmin")
            for path in ["/api/v1/nothing", "/api/v2/cases", "/api/v1/cases/DEMO-0001/nothing", "/api/v1/users/head/delete"] {
                expectError(try await send(client, .get, path, token: token), .notFound, code: "not_found")
            }
            // Without a session, too (not 401: there is nothing there to protect).
            expectError(try await send(client, .get, "/api/v1/nothing"), .notFound, code: "not_found")
        }
    }

    @Test func aWrongMethodIs405WithAllow() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "finance_sysadmin")
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.delete, "/api/v1/cases", "GET"),
                (.get, "/api/v1/session/login", "POST"),
                (.put, "/api/v1/users/head", "GET"),
                (.get, "/api/v1/cases/DEMO-0001/actions/draft", "POST"),
            ]
            for (method, path, allowed) in cases {
                let reply = try await send(client, method, path, token: token)
                expectError(reply, .methodNotAllowed, code: "method_not_allowed")
                #expect(reply.headers[.allow] == allowed, "\(method) \(path): Allow \(reply.headers[.allow] ?? "-")")
            }
            let health = try await send(client, .post, "/healthz", token: token)
            #expect(health.status == .methodNotAllowed)
            // Was a known issue in review: /healthz is answered like a console page: its 405 is HTML without Allow (fixed).
            expectError(health, .methodNotAllowed, code: "method_not_allowed")
            #expect(health.headers[.allow] == "GET")
            let both = try await send(client, .delete, "/api/v1/users", token: token)
            #expect(both.status == .methodNotAllowed)
            #expect(Set((both.headers[.allow] ?? "").components(separatedBy: ", ")) == ["GET", "POST"])
        }
    }

    @Test func aBodyOverOneMebibyteIs413() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "finance_sysadmin")
            let big = #"{"login":"x","full_name":""# + String(repeating: "я", count: 600_000) + #"","password":"p"}"#
            expectError(try await send(client, .post, "/api/v1/users", token: token, json: big), .contentTooLarge, code: "body_too_large")
            let login = #"{"login":"head","password":""# + String(repeating: "p", count: (1 << 20) + 10) + #""}"#
            expectError(try await send(client, .post, "/api/v1/session/login", json: login), .contentTooLarge, code: "body_too_large")
            // Just under the limit is read (and refused for what it says, not for its size).
            let fits = #"{"login":"head","password":""# + String(repeating: "p", count: (1 << 20) - 64) + #""}"#
            expectError(try await send(client, .post, "/api/v1/session/login", json: fits), .badRequest, field: "password")
        }
    }

    /// The import is the one route with a larger limit (64 MiB).
    @Test func theImportTakesMoreThanOneMebibyte() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "head")
            let blank = ByteBuffer(string: String(repeating: String(repeating: " ", count: 2_000) + "\n", count: 700))
            let reply = try await send(client, .post, "/api/v1/cases/import", token: token, headers: [.contentType: "application/x-ndjson"], body: blank)
            #expect(reply.status == .ok, "\(reply)")
            #expect(try reply.object()["inserted"] as? Int == 0)
        }
    }

    @Test func aBodyThatIsNotJSONIs400() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "finance_sysadmin")
            let body = ByteBuffer(string: #"{"login":"x"}"#)
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
                let reply = try await send(client, .post, "/api/v1/users", token: token, headers: [.contentType: contentType], body: body)
                expectError(reply, .badRequest, code: "unsupported_media_type")
            }
            expectError(try await send(client, .post, "/api/v1/users", token: token, body: body), .badRequest, code: "unsupported_media_type")
            expectError(try await send(client, .post, "/api/v1/session/login", headers: [.contentType: "text/plain"], body: body), .badRequest, code: "unsupported_media_type")
            // JSON that is not JSON, or of the wrong shape.
            expectError(try await send(client, .post, "/api/v1/users", token: token, json: "{not json"), .badRequest, code: "invalid_json")
            expectError(try await send(client, .post, "/api/v1/users", token: token, json: "[1, 2]"), .badRequest, code: "invalid_json")
            expectError(try await send(client, .post, "/api/v1/users", token: token, json: #"{"login": 5, "full_name": "x", "password": "y"}"#),
                        .badRequest, code: "invalid_json", field: "login")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeadersAndARequestID() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            for reply in [try await send(client, .get, "/healthz"), try await send(client, .get, "/api/v1/cases"), try await send(client, .get, "/api/v1/nothing")] {
                #expect(reply.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(reply.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(reply.headers[.cacheControl] == "no-store")
                #expect(reply.headers[.init("X-Request-Id")!]?.isEmpty == false)
            }
        }
    }
}
