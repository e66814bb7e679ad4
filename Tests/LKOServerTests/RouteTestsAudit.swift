import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// `/api/v1/audit…`: the hash-chained journal (`view_audit`: the administrator and the curator).
@Suite struct RouteTestsAudit {
    @Test func theJournalNewestFirst() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "ookr_curator", "head", "roads_specialist")
            for who in ["finance_sysadmin", "ookr_curator"] {
                let reply = try await send(client, .get, "/api/v1/audit?per_page=5", token: people[who]!)
                #expect(reply.status == .ok, "\(who): \(reply)")
                let page = try reply.object()
                #expect(page["page"] as? Int == 1 && page["per_page"] as? Int == 5)
                let items = try reply.items()
                #expect(items.count == 5)
                let seqs = items.compactMap { $0["seq"] as? Int }
                #expect(seqs == seqs.sorted(by: >), "newest first")
                #expect((page["total"] as? Int ?? 0) >= 5)
                #expect(items.allSatisfy { ($0["hash"] as? String)?.isEmpty == false && $0["details"] is [String: String] })
            }
            for who in ["head", "roads_specialist"] {
                expectError(try await send(client, .get, "/api/v1/audit", token: people[who]!), .forbidden, code: "forbidden")
            }
        }
    }

    @Test func filtersAndPages() async throws {
        try await withAPI { client, _ in
            let admin = try await login(client, "finance_sysadmin")
            let executor = try await login(client, "roads_specialist")
            _ = try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":"Ответ"}"#)
            let byActor = try await send(client, .get, "/api/v1/audit?actor=roads_specialist", token: admin).items()
            #expect(!byActor.isEmpty)
            #expect(byActor.allSatisfy { $0["actor"] as? String == "roads_specialist" && $0["actor_name"] as? String == "Петров Игорь Сергеевич" })
            let byObject = try await send(client, .get, "/api/v1/audit?object=case:DEMO-0001", token: admin).items()
            #expect(!byObject.isEmpty && byObject.allSatisfy { $0["object"] as? String == "case:DEMO-0001" })
            let all = try await send(client, .get, "/api/v1/audit?per_page=500", token: admin).object()
            let total = try #require(all["total"] as? Int)
            let last = try await send(client, .get, "/api/v1/audit?per_page=1&page=\(total)", token: admin).items()
            #expect(last.first?["seq"] as? Int == 1)
            #expect(try await send(client, .get, "/api/v1/audit?per_page=1&page=\(total + 1)", token: admin).items().isEmpty)
            expectError(try await send(client, .get, "/api/v1/audit?page=0", token: admin), .badRequest, field: "page")
            expectError(try await send(client, .get, "/api/v1/audit?page=9223372036854775807", token: admin), .badRequest, field: "page")
            #expect(try await send(client, .get, "/api/v1/audit?page=1000000000&per_page=500", token: admin).items().isEmpty)
            expectError(try await send(client, .get, "/api/v1/audit?per_page=501", token: admin), .badRequest, field: "per_page")
            expectError(try await send(client, .get, "/api/v1/audit?per_page=x", token: admin), .badRequest, field: "per_page")
            expectError(try await send(client, .get, "/api/v1/audit?actor=" + String(repeating: "a", count: 65), token: admin), .badRequest, field: "actor")
            expectError(try await send(client, .get, "/api/v1/audit?object=" + String(repeating: "a", count: 201), token: admin), .badRequest, field: "object")
        }
    }

    @Test func verifyingTheChain() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "ookr_curator", "head")
            for who in ["finance_sysadmin", "ookr_curator"] {
                let reply = try await send(client, .get, "/api/v1/audit/verify", token: people[who]!)
                #expect(reply.status == .ok)
                let body = try reply.object()
                #expect(body["intact"] as? Bool == true)
                #expect((body["entries"] as? Int ?? 0) > 0)
                #expect((body["head_hash"] as? String)?.isEmpty == false)
                #expect(body["broken_at"] == nil && body["reason"] == nil)
            }
            expectError(try await send(client, .get, "/api/v1/audit/verify", token: people["head"]!), .forbidden, code: "forbidden")
        }
    }
}
