import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// The API document (docs/api/openapi.yaml) and the server agree: every route the server
/// answers is documented with its method, nothing documented is missing from the server, and
/// the copy the server ships is the document byte for byte.
@Suite struct OpenAPIConsistencyTests {
    static let documentURL = repositoryRoot.appendingPathComponent("docs/api/openapi.yaml")
    static let shippedURL = repositoryRoot.appendingPathComponent("Sources/LKOServer/OpenAPI/openapi.yaml")

    /// `METHOD /path` for every operation under `paths:`: paths are the lines indented by two
    /// spaces and ending in `:`, their methods the lines indented by four.
    static func documentedOperations(_ text: String) throws -> Set<String> {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                path = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                var key = String(line.dropFirst(2).dropLast())
                if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first { key = String(key.dropFirst().dropLast()) }
                guard key.hasPrefix("/") else { throw TestFailure("a key under paths: that is not a path: \(line)") }
                path = key
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), let path {
                let key = String(line.dropFirst(4).dropLast())
                if methods.contains(key) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }

    static func serverOperations() throws -> Set<String> {
        let fixture = try ServerFixture(importDemoCases: false)
        _ = fixture.server.router()
        return Set(apiEntries(fixture.server.routes).map { "\($0.method.rawValue) \($0.path)" })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let documented = try Self.documentedOperations(document)
        let served = try Self.serverOperations()
        #expect(served.count >= 30, "the route table looks empty: \(served.sorted())")
        let undocumented = served.subtracting(documented).sorted()
        let missing = documented.subtracting(served).sorted()
        #expect(undocumented.isEmpty, "routes the server answers but docs/api/openapi.yaml does not describe: \(undocumented)")
        #expect(missing.isEmpty, "operations docs/api/openapi.yaml describes but the server does not answer: \(missing)")
    }

    @Test func theShippedCopyIsTheDocument() throws {
        let document = try Data(contentsOf: Self.documentURL)
        let shipped = try Data(contentsOf: Self.shippedURL)
        #expect(document == shipped, "Sources/LKOServer/OpenAPI/openapi.yaml differs from docs/api/openapi.yaml: cp docs/api/openapi.yaml Sources/LKOServer/OpenAPI/openapi.yaml")
    }

    /// The server answers the document it ships, unauthenticated.
    @Test func theServerServesTheDocument() async throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        try await withAPI(importDemoCases: false) { client, _ in
            let reply = try await send(client, .get, "/api/v1/openapi.yaml")
            #expect(reply.status == .ok)
            #expect(reply.contentType.hasPrefix("application/yaml"))
            #expect(reply.text == document)
        }
    }

    /// The security rules of the document: everything needs a session except the three public
    /// routes, which say `security: []`.
    @Test func onlyThePublicRoutesWaiveSecurity() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        #expect(document.contains("\nsecurity:\n  - bearerAuth: []\n  - cookieAuth: []\n"))
        var waived: Set<String> = []
        var path: String?
        var method: String?
        for line in document.split(separator: "\n").map(String.init) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); method = nil }
            else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") { method = String(line.dropFirst(4).dropLast()).uppercased() }
            else if line == "      security: []", let path, let method { waived.insert("\(method) \(path)") }
            else if !line.hasPrefix(" ") { path = nil }
        }
        #expect(waived == publicRoutes)
    }

    @Test func theParserReadsPathsAndMethods() throws {
        let text = """
        openapi: 3.1.0
        paths:
          /healthz:
            get:
              responses: {}
          "/api/v1/cases/{number}":
            get:
              parameters: []
            post:
              summary: x
        components:
          schemas:
            get:
              type: object
        """
        #expect(try Self.documentedOperations(text) == ["GET /healthz", "GET /api/v1/cases/{number}", "POST /api/v1/cases/{number}"])
    }
}
