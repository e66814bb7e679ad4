import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// The console's policy page (`/admin/policy`): a candidate's review, in Russian.
@Suite struct ConsolePolicyPageTests {
    /// The shipped policy as the page's textarea holds it (`=== name.lko ===` before each file),
    /// with `edit` applied to grants.lko.
    static func textarea(edit: (String) -> String) throws -> String {
        let folder = repositoryRoot.appendingPathComponent("Policies")
        var parts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".lko") }).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            parts.append("=== \(name) ===\n" + (name == "grants.lko" ? edit(text) : text))
        }
        return parts.joined(separator: "\n")
    }

    static func formEncoded(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    @Test func risksAreListedByTheirRussianKind() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let (cookie, csrf): (String, String) = try await client.execute(
                uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"login":"finance_sysadmin","password":"\#(testPassword)","cookie":true}"#)
            ) { response in
                #expect(response.status == .created)
                let setCookie = try #require(response.headers[.setCookie])
                return (String(setCookie.split(separator: ";")[0]), try #require(try json(response)["csrf_token"] as? String))
            }
            // The housing executor also approves in `other`: an escalation.
            let files = try Self.textarea { $0 + "\ngrant manager to housing_specialist on other\n" }
            let body = Self.formEncoded([("_csrf", csrf), ("files", files), ("message", "")])
            let page: String = try await client.execute(
                uri: "/admin/policy/review", method: .post,
                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(page.contains("Есть риски — проверьте их перед применением:"), "\(page.prefix(2000))")
            // The kind as the report names it, not its code.
            #expect(page.contains("<li><strong>повышение прав</strong>: housing_specialist получает `approve on granted` в other ("), "\(page)")
            #expect(!page.contains("[escalation]"))
        }
    }
}
