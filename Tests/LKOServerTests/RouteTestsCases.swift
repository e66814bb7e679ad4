import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// `/api/v1/cases…`: the queues, a case, its history, actions, the import; who may see what.
///
/// The demo cases on 2026-03-02: DEMO-0001 (roads, assigned to roads_specialist), DEMO-0002
/// (social, received: the coordinator's), DEMO-0003 (health, health_liaison), DEMO-0004
/// (improvement, lukovnikovo_territorial), DEMO-0005 (transport, in moderation).
@Suite struct RouteTestsCases {
    @Test func anExecutorSeesOnlyTheirOwnCase() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "roads_specialist")
            let mine = try await send(client, .get, "/api/v1/cases?view=mine", token: token)
            #expect(mine.status == .ok)
            #expect(try mine.caseNumbers() == ["DEMO-0001"])
            let page = try mine.object()
            #expect(page["total"] as? Int == 1 && page["page"] as? Int == 1 && page["per_page"] as? Int == 50)
            let item = try #require(try mine.items().first)
            #expect(item["state"] as? String == "assigned")
            #expect(item["assignee"] as? String == "roads_specialist")
            #expect(item["assignee_name"] as? String == "Петров Игорь Сергеевич")
            #expect(item["deadline"] as? String == "2026-03-06")
            #expect(item["applicant_name"] == nil, "a list row carries no applicant data")
            // Everything the executor may view is the same one case.
            #expect(try await send(client, .get, "/api/v1/cases", token: token).caseNumbers() == ["DEMO-0001"])
            #expect(try await send(client, .get, "/api/v1/cases?view=incoming", token: token).caseNumbers() == [])
        }
    }

    @Test func theCoordinatorSeesEveryCaseAndTheIncomingQueue() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "head")
            #expect(try await send(client, .get, "/api/v1/cases", token: token).caseNumbers() == ["DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-0004", "DEMO-0005"])
            #expect(try await send(client, .get, "/api/v1/cases?view=incoming", token: token).caseNumbers() == ["DEMO-0002"])
            #expect(try await send(client, .get, "/api/v1/cases?state=assigned", token: token).caseNumbers() == ["DEMO-0001", "DEMO-0003", "DEMO-0004"])
            #expect(try await send(client, .get, "/api/v1/cases?assignee=health_liaison", token: token).caseNumbers() == ["DEMO-0003"])
            #expect(try await send(client, .get, "/api/v1/cases?number=0004", token: token).caseNumbers() == ["DEMO-0004"])
            let second = try await send(client, .get, "/api/v1/cases?per_page=2&page=2", token: token)
            #expect(try second.items().count == 2)
            #expect(try second.object()["total"] as? Int == 5)
            #expect(try await send(client, .get, "/api/v1/cases?per_page=2&page=9", token: token).items().isEmpty)
            // The administrator handles no cases.
            let admin = try await login(client, "finance_sysadmin")
            #expect(try await send(client, .get, "/api/v1/cases", token: admin).caseNumbers() == [])
        }
    }

    @Test func badListParametersAre400WithTheField() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "head")
            expectError(try await send(client, .get, "/api/v1/cases?view=everything", token: token), .badRequest, field: "view")
            expectError(try await send(client, .get, "/api/v1/cases?state=lost", token: token), .badRequest, field: "state")
            expectError(try await send(client, .get, "/api/v1/cases?page=0", token: token), .badRequest, field: "page")
            expectError(try await send(client, .get, "/api/v1/cases?page=two", token: token), .badRequest, field: "page")
            // A page so large that (page - 1) * per_page overflows once crashed the server.
            expectError(try await send(client, .get, "/api/v1/cases?page=9223372036854775807", token: token), .badRequest, field: "page")
            expectError(try await send(client, .get, "/api/v1/cases?page=99999999999999999999", token: token), .badRequest, field: "page")
            expectError(try await send(client, .get, "/api/v1/cases?per_page=-9223372036854775808", token: token), .badRequest, field: "per_page")
            #expect(try await send(client, .get, "/api/v1/cases?page=1000000000", token: token).items().isEmpty)
            expectError(try await send(client, .get, "/api/v1/cases?per_page=201", token: token), .badRequest, field: "per_page")
            expectError(try await send(client, .get, "/api/v1/cases?assignee=" + String(repeating: "a", count: 65), token: token), .badRequest, field: "assignee")
            expectError(try await send(client, .get, "/api/v1/cases?number=" + String(repeating: "1", count: 65), token: token), .badRequest, field: "number")
        }
    }

    /// The approval queue: what the caller may approve or return, never their own drafts.
    @Test func theApprovalQueue() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "roads_specialist", "deputy_housing", "health_liaison", "head")
            let executor = people["roads_specialist"]!, manager = people["deputy_housing"]!
            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: manager).caseNumbers() == [])
            let drafted = try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":"Яма заделана 05.03.2026."}"#)
            #expect(drafted.status == .ok, "\(drafted)")
            #expect((try drafted.object()["summary"] as? [String: Any])?["state"] as? String == "in_progress")
            #expect(try drafted.object()["answer"] as? String == "Яма заделана 05.03.2026.")
            let submitted = try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/submit", token: executor, json: "{}")
            #expect((try submitted.object()["summary"] as? [String: Any])?["state"] as? String == "on_approval")

            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: manager).caseNumbers() == ["DEMO-0001"])
            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: executor).caseNumbers() == [], "an executor approves nothing")
            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: people["health_liaison"]!).caseNumbers() == [])
            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: people["head"]!).caseNumbers() == [], "the coordinator does not approve")

            let detail = try await send(client, .get, "/api/v1/cases/DEMO-0001", token: manager)
            let actions = try #require(try detail.object()["actions"] as? [[String: Any]]).compactMap { $0["action"] as? String }
            #expect(actions.contains("approve") && actions.contains("return"))

            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/approve", token: executor, json: "{}"), .forbidden, code: "forbidden")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/return", token: manager, json: "{}"), .badRequest, field: "comment")
            let approved = try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/approve", token: manager, json: #"{"comment":"Согласовано"}"#)
            #expect(approved.status == .ok, "\(approved)")
            #expect((try approved.object()["summary"] as? [String: Any])?["state"] as? String == "answered")
            #expect(try await send(client, .get, "/api/v1/cases?view=approval", token: manager).caseNumbers() == [])
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/approve", token: manager, json: "{}"), .conflict, code: "state_forbids")
        }
    }

    @Test func aCaseWithItsHistory() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "roads_specialist")
            let reply = try await send(client, .get, "/api/v1/cases/DEMO-0001", token: token)
            #expect(reply.status == .ok)
            let body = try reply.object()
            #expect((body["summary"] as? [String: Any])?["pos_number"] as? String == "DEMO-0001")
            #expect(body["address"] as? String == "ул. Ленина, 12")
            #expect(body["applicant_name"] as? String == "Иванов И. И.")
            #expect(body["term"] as? String == "10 календарных дней")
            let actions = try #require(body["actions"] as? [[String: Any]]).compactMap { $0["action"] as? String }
            #expect(actions == ["draft"])
            #expect(body["route"] == nil, "only those who assign see the route")
            let history = try await send(client, .get, "/api/v1/cases/DEMO-0001/history", token: token)
            #expect(history.status == .ok)
            let lines = try history.array()
            #expect(lines.compactMap { $0["action"] as? String } == ["import", "moderate", "route"])
            #expect(lines.last?["assignee_after_name"] as? String == "Петров Игорь Сергеевич")

            let head = try await login(client, "head")
            let route = try #require(try await send(client, .get, "/api/v1/cases/DEMO-0001", token: head).object()["route"] as? [String: Any])
            #expect(route["via"] as? String == "auto_rule" && route["assignee"] as? String == "roads_specialist")
        }
    }

    /// A case the caller may not view is not found — on every case route — exactly like a case
    /// that does not exist, and the answer reveals nothing of it.
    @Test func aCaseTheCallerMayNotViewIsNotFoundEverywhere() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "health_liaison", "deputy_housing", "finance_sysadmin")
            for (who, token) in people {
                for number in ["DEMO-0001", "DEMO-9999"] {
                    var replies: [(String, Reply)] = [
                        ("GET case", try await send(client, .get, "/api/v1/cases/\(number)", token: token)),
                        ("GET history", try await send(client, .get, "/api/v1/cases/\(number)/history", token: token)),
                        ("GET responsibility", try await send(client, .get, "/api/v1/reports/responsibility/\(number)", token: token)),
                    ]
                    for action in ["assign", "reassign", "draft", "submit", "approve", "return", "redirect", "extend", "reopen"] {
                        let body = #"{"to":"roads_specialist","text":"x","comment":"x","days":5}"#
                        replies.append(("POST \(action)", try await send(client, .post, "/api/v1/cases/\(number)/actions/\(action)", token: token, json: body)))
                    }
                    for (label, reply) in replies {
                        if who == "deputy_housing", number == "DEMO-0001" { continue }  // the manager for roads may view it
                        #expect(reply.status == .notFound, "\(who) \(label) \(number): \(reply)")
                        #expect(reply.errorCode == "case_not_found", "\(who) \(label) \(number): \(reply)")
                        expectNoCaseData(reply)
                    }
                }
            }
            // The manager of roads views DEMO-0001 (granted) but not a health case.
            #expect(try await send(client, .get, "/api/v1/cases/DEMO-0001", token: people["deputy_housing"]!).status == .ok)
            expectError(try await send(client, .get, "/api/v1/cases/DEMO-0003", token: people["deputy_housing"]!), .notFound, code: "case_not_found")
            // Nothing changed.
            let executor = try await login(client, "roads_specialist")
            #expect((try await send(client, .get, "/api/v1/cases/DEMO-0001", token: executor).object()["summary"] as? [String: Any])?["state"] as? String == "assigned")
        }
    }

    @Test func actionInputIsChecked() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "roads_specialist", "head")
            let executor = people["roads_specialist"]!, head = people["head"]!
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: "{}"), .badRequest, field: "text")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":"   "}"#), .badRequest, field: "text")
            let long = String(repeating: "я", count: 20_001)
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":"\#(long)"}"#), .badRequest, field: "text")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":"a\u0000b"}"#), .badRequest, field: "text")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/draft", token: executor, json: #"{"text":5}"#), .badRequest, code: "invalid_json", field: "text")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/fly", token: executor, json: "{}"), .badRequest, field: "action")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/moderate", token: executor, json: "{}"), .badRequest, field: "action")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/submit", token: executor, json: "{}"), .conflict, code: "state_forbids")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0001/actions/assign", token: executor, json: #"{"to":"roads_specialist"}"#), .forbidden, code: "forbidden")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0002/actions/assign", token: head, json: "{}"), .badRequest, field: "to")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0002/actions/assign", token: head, json: #"{"to":"roads_specialist"}"#), .badRequest, code: "not_executor", field: "to")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0002/actions/extend", token: head, json: #"{"days":31,"comment":"x"}"#), .badRequest, field: "days")
            expectError(try await send(client, .post, "/api/v1/cases/DEMO-0002/actions/extend", token: head, json: #"{"days":10}"#), .badRequest, field: "comment")
            let assigned = try await send(client, .post, "/api/v1/cases/DEMO-0002/actions/assign", token: head, json: #"{"to":"social_specialist"}"#)
            #expect(assigned.status == .ok, "\(assigned)")
            let summary = try #require(try assigned.object()["summary"] as? [String: Any])
            #expect(summary["state"] as? String == "assigned" && summary["assignee_name"] as? String == "Морозова Елена Ивановна")
            let social = try await login(client, "social_specialist")
            #expect(try await send(client, .get, "/api/v1/cases?view=mine", token: social).caseNumbers() == ["DEMO-0002"])
        }
    }

    @Test func theImport() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "head", "roads_specialist", "finance_sysadmin")
            let line = #"{"pos_number":"NEW-0001","regime":"message","category":"roads","subcategory":"potholes","fact":"carriageway","channel":"widget","received_at":"2026-03-02","moderation_at":"2026-03-02","description":"Яма"}"#
            let body = ByteBuffer(string: line + "\n")
            let jsonl: HTTPFields = [.contentType: "application/x-ndjson"]
            let denied = try await send(client, .post, "/api/v1/cases/import", token: people["roads_specialist"]!, headers: jsonl, body: body)
            expectError(denied, .forbidden, code: "forbidden")
            let reply = try await send(client, .post, "/api/v1/cases/import", token: people["head"]!, headers: jsonl, body: body)
            #expect(reply.status == .ok, "\(reply)")
            let report = try reply.object()
            #expect(report["inserted"] as? Int == 1 && report["unchanged"] as? Int == 0 && (report["bad"] as? [Any])?.isEmpty == true)
            // Idempotent; the administrator may import too.
            let again = try await send(client, .post, "/api/v1/cases/import", token: people["finance_sysadmin"]!, headers: jsonl, body: body)
            #expect(try again.object()["unchanged"] as? Int == 1)
            // A bad line is reported by number; the good ones go in.
            let mixed = ByteBuffer(string: "not json\n" + line.replacingOccurrences(of: "NEW-0001", with: "NEW-0002") + "\n")
            let partial = try await send(client, .post, "/api/v1/cases/import", token: people["head"]!, headers: jsonl, body: mixed)
            #expect(partial.status == .unprocessableContent)
            let bad = try #require(try partial.object()["bad"] as? [[String: Any]])
            #expect(bad.count == 1 && bad.first?["line"] as? Int == 1)
            #expect(try partial.object()["inserted"] as? Int == 1)
            #expect(try await send(client, .get, "/api/v1/cases?number=NEW-", token: people["head"]!).caseNumbers() == ["NEW-0001", "NEW-0002"])
        }
    }
}
