import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// A response, read once: status, headers and the body as text, with the JSON helpers the route
/// tests need.
struct Reply: Sendable, CustomStringConvertible {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        text = String(buffer: response.body)
    }

    var description: String { "\(status.code) \(text.prefix(600))" }

    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw TestFailure("not a JSON object: \(self)") }
        return object
    }

    func array() throws -> [[String: Any]] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { throw TestFailure("not a JSON array: \(self)") }
        return array
    }

    /// `error` of the shared error document, or nil when the body is not one.
    var error: [String: Any]? { (try? object())?["error"] as? [String: Any] }
    var errorCode: String? { error?["code"] as? String }
    var errorField: String? { error?["field"] as? String }

    /// A `Page`'s items.
    func items() throws -> [[String: Any]] {
        guard let items = try object()["items"] as? [[String: Any]] else { throw TestFailure("no items: \(self)") }
        return items
    }

    /// The ПОС numbers of a case page's items.
    func caseNumbers() throws -> [String] {
        try items().compactMap { $0["pos_number"] as? String }.sorted()
    }

    var contentType: String { headers[.contentType] ?? "" }
}

/// Sends one request: `json` sets `Content-Type: application/json`; `token` a bearer.
@discardableResult
func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
          headers extra: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Reply {
    var headers: HTTPFields = [:]
    if let token { headers[.authorization] = "Bearer \(token)" }
    if json != nil { headers[.contentType] = "application/json" }
    for field in extra { headers[field.name] = field.value }
    let payload = body ?? json.map { ByteBuffer(string: $0) }
    return Reply(try await client.execute(uri: uri, method: method, headers: headers, body: payload))
}

/// A fresh sandbox (the shipped policy, the people, the demo cases) and its API.
func withAPI(importDemoCases: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol, ServerFixture) async throws -> Void) async throws {
    let fixture = try ServerFixture(importDemoCases: importDemoCases)
    try await fixture.application().test(.router) { client in
        try await body(client, fixture)
    }
}

/// Bearer tokens for several people at once.
func tokens(_ client: some TestClientProtocol, _ logins: String...) async throws -> [String: String] {
    var result: [String: String] = [:]
    for name in logins { result[name] = try await login(client, name) }
    return result
}

/// The body of a 404 for a case must say nothing about the case: none of its number, text,
/// address, applicant or people.
func expectNoCaseData(_ reply: Reply, sourceLocation: SourceLocation = #_sourceLocation) {
    for secret in ["DEMO-0001", "Ленина", "Глубокая яма", "Иванов", "roads_specialist", "Петров", "potholes", "applicant", "history"] {
        #expect(!reply.text.contains(secret), "the answer reveals «\(secret)»: \(reply)", sourceLocation: sourceLocation)
    }
}

/// Asserts a JSON error answer with the status, the code and (when given) the field.
func expectError(_ reply: Reply, _ status: HTTPResponse.Status, code: String? = nil, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(reply.status == status, "\(reply)", sourceLocation: sourceLocation)
    #expect(reply.contentType.hasPrefix("application/json"), "\(reply.contentType)", sourceLocation: sourceLocation)
    #expect(reply.error?["message"] is String, "no error.message: \(reply)", sourceLocation: sourceLocation)
    if let code { #expect(reply.errorCode == code, "\(reply)", sourceLocation: sourceLocation) }
    if let field { #expect(reply.errorField == field, "\(reply)", sourceLocation: sourceLocation) }
}

/// The route table's `{name}` placeholders filled with values that exist in the fixture.
func samplePath(_ pattern: String) -> String {
    pattern.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
        switch part {
        case "{number}": "DEMO-0001"
        case "{id}": "1"
        case "{login}": "head"
        case "{action}": "draft"
        default: String(part)
        }
    }.joined(separator: "/")
}

/// API routes and `/healthz` of the route table (the console's pages are HTML, outside the API).
func apiEntries(_ table: RouteTable) -> [RouteTable.Entry] {
    var seen = Set<RouteTable.Entry>()
    return table.entries.filter { ($0.path.hasPrefix("/api/") || $0.path == "/healthz") && seen.insert($0).inserted }
}

let publicRoutes: Set<String> = ["POST /api/v1/session/login", "GET /api/v1/openapi.yaml", "GET /healthz"]
