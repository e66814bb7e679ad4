import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// `/api/v1/reports…`, `/api/v1/deadline`, `/api/v1/explain`: control, terms, explanations.
@Suite struct RouteTestsReports {
    @Test func theDailyControlIsTheCuratorsAndTheCoordinators() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "ookr_curator", "head", "roads_specialist", "deputy_housing", "finance_sysadmin")
            let reply = try await send(client, .get, "/api/v1/reports/daily", token: people["ookr_curator"]!)
            #expect(reply.status == .ok, "\(reply)")
            let body = try reply.object()
            #expect(body["date"] as? String == "2026-03-02" && body["date_text"] as? String == "02.03.2026")
            let rows = try #require(body["rows"] as? [[String: Any]])
            #expect(rows.compactMap { $0["pos_number"] as? String }.sorted() == ["DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-0004"])
            let totals = try #require(body["totals"] as? [String: Any])
            #expect(totals["open"] as? Int == 4 && totals["name"] as? String == "Итого")
            let executors = try #require(body["executors"] as? [[String: Any]])
            #expect(executors.contains { $0["login"] as? String == "roads_specialist" && $0["name"] as? String == "Петров Игорь Сергеевич" && $0["open"] as? Int == 1 })
            #expect(try await send(client, .get, "/api/v1/reports/daily", token: people["head"]!).status == .ok)
            for who in ["roads_specialist", "deputy_housing", "finance_sysadmin"] {
                expectError(try await send(client, .get, "/api/v1/reports/daily", token: people[who]!), .forbidden, code: "forbidden")
                expectError(try await send(client, .get, "/api/v1/reports/overdue", token: people[who]!), .forbidden, code: "forbidden")
            }
        }
    }

    @Test func theControlAsCSVForExcel() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "ookr_curator")
            let reply = try await send(client, .get, "/api/v1/reports/daily?format=csv", token: token)
            #expect(reply.status == .ok)
            #expect(reply.contentType.hasPrefix("text/csv"))
            #expect(reply.headers[.contentDisposition] == #"attachment; filename="kontrol-2026-03-02.csv""#)
            #expect(reply.text.hasPrefix("\u{FEFF}Номер;Статус;"))
            #expect(reply.text.contains("DEMO-0001;"))
            #expect(reply.text.contains("\r\n"))
            expectError(try await send(client, .get, "/api/v1/reports/daily?format=xlsx", token: token), .badRequest, field: "format")
            expectError(try await send(client, .get, "/api/v1/reports/daily?at=yesterday", token: token), .badRequest, field: "at")
            expectError(try await send(client, .get, "/api/v1/reports/daily?at=" + String(repeating: "1", count: 21), token: token), .badRequest, field: "at")
        }
    }

    @Test func theOverdueControl() async throws {
        try await withAPI { client, _ in
            let token = try await login(client, "ookr_curator")
            let today = try await send(client, .get, "/api/v1/reports/overdue", token: token)
            #expect(today.status == .ok)
            #expect((try today.object()["rows"] as? [Any])?.isEmpty == true)
            let later = try await send(client, .get, "/api/v1/reports/overdue?at=10.03.2026", token: token)
            #expect(later.status == .ok)
            let rows = try #require(try later.object()["rows"] as? [[String: Any]])
            #expect(rows.compactMap { $0["pos_number"] as? String }.sorted() == ["DEMO-0001", "DEMO-0003"])
            #expect(rows.allSatisfy { $0["overdue"] as? Bool == true })
        }
    }

    @Test func violations() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "ookr_curator", "head", "roads_specialist", "finance_sysadmin")
            for who in ["ookr_curator", "head"] {
                let reply = try await send(client, .get, "/api/v1/reports/violations?from=2026-02-01&to=2026-03-02", token: people[who]!)
                #expect(reply.status == .ok, "\(who): \(reply)")
                #expect(reply.contentType.hasPrefix("application/json"))
                _ = try reply.array()
            }
            let csv = try await send(client, .get, "/api/v1/reports/violations?format=csv", token: people["ookr_curator"]!)
            #expect(csv.status == .ok)
            #expect(csv.contentType.hasPrefix("text/csv"))
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="narusheniya.csv""#)
            #expect(csv.text.hasPrefix("\u{FEFF}Вид нарушения;Номер;"))
            for who in ["roads_specialist", "finance_sysadmin"] {
                expectError(try await send(client, .get, "/api/v1/reports/violations", token: people[who]!), .forbidden, code: "forbidden")
            }
            let token = people["ookr_curator"]!
            expectError(try await send(client, .get, "/api/v1/reports/violations?format=pdf", token: token), .badRequest, field: "format")
            expectError(try await send(client, .get, "/api/v1/reports/violations?from=2026-03-02&to=2026-02-01", token: token), .badRequest, field: "from")
            expectError(try await send(client, .get, "/api/v1/reports/violations?to=later", token: token), .badRequest, field: "to")
        }
    }

    @Test func responsibilityByDay() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "ookr_curator", "roads_specialist", "health_liaison")
            let reply = try await send(client, .get, "/api/v1/reports/responsibility/DEMO-0001", token: people["ookr_curator"]!)
            #expect(reply.status == .ok, "\(reply)")
            let days = try reply.array()
            #expect(days.first?["day"] as? String == "2026-02-27")
            #expect(days.last?["day"] as? String == "2026-03-02")
            #expect(days.last?["responsible"] as? [String] == ["roads_specialist"])
            #expect(days.last?["responsible_names"] as? [String] == ["Петров Игорь Сергеевич"])
            let own = try await send(client, .get, "/api/v1/reports/responsibility/DEMO-0001", token: people["roads_specialist"]!)
            #expect(own.status == .ok || own.status == .forbidden, "\(own)")
            let hidden = try await send(client, .get, "/api/v1/reports/responsibility/DEMO-0001", token: people["health_liaison"]!)
            expectError(hidden, .notFound, code: "case_not_found")
            expectNoCaseData(hidden)
            expectError(try await send(client, .get, "/api/v1/reports/responsibility/DEMO-0001?until=soon", token: people["ookr_curator"]!), .badRequest, field: "until")
        }
    }

    @Test func deadlines() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let token = try await login(client, "roads_specialist")
            let reply = try await send(client, .get, "/api/v1/deadline?from=2026-03-02&days=10", token: token)
            #expect(reply.status == .ok)
            let body = try reply.object()
            #expect(body["deadline"] as? String == "2026-03-12" && body["deadline_text"] as? String == "12.03.2026")
            #expect(body["unit"] as? String == "calendar" && body["days"] as? Int == 10 && body["from"] as? String == "2026-03-02")
            let working = try await send(client, .get, "/api/v1/deadline?from=02.03.2026&days=5&unit=working", token: token)
            #expect(try working.object()["unit"] as? String == "working")
            #expect(try working.object()["deadline"] as? String == "2026-03-10", "\(working)")
            expectError(try await send(client, .get, "/api/v1/deadline", token: token), .badRequest, field: "from")
            expectError(try await send(client, .get, "/api/v1/deadline?from=2026-03-02&days=0", token: token), .badRequest, field: "days")
            expectError(try await send(client, .get, "/api/v1/deadline?from=2026-03-02&days=367", token: token), .badRequest, field: "days")
            expectError(try await send(client, .get, "/api/v1/deadline?from=2026-03-02&unit=weeks", token: token), .badRequest, field: "unit")
            expectError(try await send(client, .get, "/api/v1/deadline?from=2026-13-40", token: token), .badRequest, field: "from")
        }
    }

    @Test func explanations() async throws {
        try await withAPI(importDemoCases: false) { client, _ in
            let people = try await tokens(client, "roads_specialist", "deputy_housing", "finance_sysadmin", "ookr_curator")
            let own = try await send(client, .get, "/api/v1/explain?action=approve&subcategory=roads.potholes", token: people["roads_specialist"]!)
            #expect(own.status == .ok)
            let body = try own.object()
            #expect(body["allowed"] as? Bool == false && body["login"] as? String == "roads_specialist" && body["action"] as? String == "approve")
            #expect(body["node"] as? String == "roads.potholes" && body["date"] as? String == "2026-03-02")
            #expect((body["lines"] as? [String])?.first?.hasPrefix("DENY roads_specialist approve") == true)
            let manager = try await send(client, .get, "/api/v1/explain?action=approve&subcategory=roads.potholes", token: people["deputy_housing"]!)
            #expect(try manager.object()["allowed"] as? Bool == true)
            // About someone else: the administrator and the curator (report) may ask; others not.
            expectError(try await send(client, .get, "/api/v1/explain?action=view&login=head", token: people["roads_specialist"]!), .forbidden, code: "forbidden")
            for who in ["finance_sysadmin", "ookr_curator"] {
                let other = try await send(client, .get, "/api/v1/explain?action=draft&login=roads_specialist&subcategory=roads&assignee=roads_specialist", token: people[who]!)
                #expect(other.status == .ok, "\(who): \(other)")
                #expect(try other.object()["login"] as? String == "roads_specialist")
                #expect(try other.object()["allowed"] as? Bool == true)
            }
            let token = people["roads_specialist"]!
            expectError(try await send(client, .get, "/api/v1/explain", token: token), .badRequest, field: "action")
            expectError(try await send(client, .get, "/api/v1/explain?action=fly", token: token), .badRequest, field: "action")
            expectError(try await send(client, .get, "/api/v1/explain?action=" + String(repeating: "v", count: 41), token: token), .badRequest, field: "action")
            expectError(try await send(client, .get, "/api/v1/explain?action=view&subcategory=roads.flying", token: token), .badRequest, field: "subcategory")
            expectError(try await send(client, .get, "/api/v1/explain?action=view&at=tomorrow", token: token), .badRequest, field: "at")
        }
    }
}
