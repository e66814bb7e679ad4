import Foundation
import Hummingbird
import HummingbirdTesting
import LKOApplication
import LKOServer
import LKOStore
import Testing

/// The real server on an ephemeral loopback port, driven over HTTP through a day of the order.
@Suite struct EndToEndTests {
    func post(_ client: some TestClientProtocol, _ uri: String, token: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: uri, method: .post, headers: bearer(token, json: true), body: ByteBuffer(string: body)) { response in
            (response.status, (try? json(response)) ?? [:])
        }
    }

    @Test func aDayOfTheOrderOverRealHTTP() async throws {
        let fixture = try ServerFixture(importDemoCases: false)
        try await fixture.application().test(.live) { client in
            // Import (the administrator), routed by the policy's rules.
            let admin = try await login(client, "finance_sysadmin")
            let cases = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/demo-cases.jsonl"), encoding: .utf8)
            try await client.execute(uri: "/api/v1/cases/import", method: .post, headers: bearer(admin), body: ByteBuffer(string: cases)) { response in
                #expect(response.status == .ok)
                let report = try json(response)
                #expect(report["inserted"] as? Int == 5)
            }
            // The executor's queue holds the routed pothole case.
            let executor = try await login(client, "roads_specialist")
            try await client.execute(uri: "/api/v1/cases?view=mine", method: .get, headers: bearer(executor)) { response in
                let items = try #require(try json(response)["items"] as? [[String: Any]])
                #expect(items.map { $0["pos_number"] as? String } == ["DEMO-0001"])
                #expect(items.first?["assignee_name"] as? String == "Петров Игорь Сергеевич")
            }
            // Draft and submit.
            var (status, body) = try await post(client, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, #"{"text":"Яма на ул. Ленина, 12 будет заделана до 06.03.2026."}"#)
            #expect(status == .ok)
            (status, body) = try await post(client, "/api/v1/cases/DEMO-0001/actions/submit", token: executor, "{}")
            #expect(status == .ok)
            #expect((body["summary"] as? [String: Any])?["state"] as? String == "on_approval")
            // The same executor cannot approve (order item 12).
            (status, body) = try await post(client, "/api/v1/cases/DEMO-0001/actions/approve", token: executor, "{}")
            #expect(status == .forbidden)
            let code = (body["error"] as? [String: Any])?["code"] as? String
            #expect(code == "forbidden" || code == "separation_of_duties")
            // The Руководитель sees it in the approval queue and approves.
            let approver = try await login(client, "deputy_housing")
            try await client.execute(uri: "/api/v1/cases?view=approval", method: .get, headers: bearer(approver)) { response in
                let items = try #require(try json(response)["items"] as? [[String: Any]])
                #expect(items.contains { $0["pos_number"] as? String == "DEMO-0001" })
            }
            (status, body) = try await post(client, "/api/v1/cases/DEMO-0001/actions/approve", token: approver, "{}")
            #expect(status == .ok)
            #expect((body["summary"] as? [String: Any])?["state"] as? String == "answered")
            // The Куратор's daily control: the answered case is gone; what is open is counted.
            let curator = try await login(client, "ookr_curator")
            try await client.execute(uri: "/api/v1/reports/daily", method: .get, headers: bearer(curator)) { response in
                #expect(response.status == .ok)
                let report = try json(response)
                let rows = try #require(report["rows"] as? [[String: Any]])
                #expect(!rows.contains { $0["pos_number"] as? String == "DEMO-0001" })
                let totals = try #require(report["totals"] as? [String: Any])
                #expect(totals["open"] as? Int == rows.count)
                #expect(report["date_text"] as? String == "02.03.2026")
            }
            try await client.execute(uri: "/api/v1/reports/daily?format=csv", method: .get, headers: bearer(curator)) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("\u{FEFF}Номер;Статус"))
            }
            // The executor may not read the control.
            try await client.execute(uri: "/api/v1/reports/daily", method: .get, headers: bearer(executor)) { response in
                #expect(response.status == .forbidden)
            }
            // The chain of the whole day is intact.
            try await client.execute(uri: "/api/v1/audit/verify", method: .get, headers: bearer(admin)) { response in
                let verification = try json(response)
                #expect(verification["intact"] as? Bool == true)
            }
        }
    }
}
