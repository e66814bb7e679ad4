import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// The console's audit page (`/admin/audit`): events by their titles and details in words, in
/// Russian, with the identifier beside the title.
@Suite struct ConsoleAuditPageTests {
    @Test func eventsAreShownByTheirTitlesWithTheIdentifierBeside() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let cookie: String = try await client.execute(
                uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"login":"finance_sysadmin","password":"\#(testPassword)","cookie":true}"#)
            ) { response in
                #expect(response.status == .created)
                let setCookie = try #require(response.headers[.setCookie])
                return String(setCookie.split(separator: ";")[0])
            }
            let page: String = try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            // The title in the order's words, the identifier in small type under it.
            #expect(page.contains(#"<td data-label="Действие">Создание базы данных<br><span class="small mono">database.init</span></td>"#), "\(page)")
            #expect(page.contains(#"Применение политики<br><span class="small mono">policy.apply</span>"#))
            #expect(page.contains(#"Вход в систему<br><span class="small mono">login</span>"#))
            // Details with labels and values in words, not `key: value` identifiers.
            #expect(page.contains("песочница: да"), "\(page)")
            #expect(!page.contains("sandbox: yes") && !page.contains("sandbox=yes"))
        }
    }
}
