import Foundation
import Hummingbird
import HummingbirdTesting
import LKOServer
import Testing

/// `/api/v1/absences…` and `/api/v1/delegation/check`: leave with a substitute
/// (`manage_delegations`: the administrator).
@Suite struct RouteTestsAbsences {
    /// lukovnikovo_territorial (holds DEMO-0004, improvement) away; improvement_specialist, an
    /// executor on the same subcategories, substitutes.
    static let leave = #"{"login":"lukovnikovo_territorial","from":"2026-03-10","until":"20.03.2026","reason":"vacation","substitute":"improvement_specialist"}"#

    @Test func planningChangesNothing() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "roads_specialist", "head")
            let admin = people["finance_sysadmin"]!
            let reply = try await send(client, .post, "/api/v1/absences/plan", token: admin, json: Self.leave)
            #expect(reply.status == .ok, "\(reply)")
            let body = try reply.object()
            #expect(body["acceptable"] as? Bool == true)
            #expect(body["name"] as? String == "Волков Дмитрий Олегович")
            #expect(body["substitute_name"] as? String == "Зайцева Ольга Андреевна")
            #expect(body["period"] as? String == "с 10.03.2026 по 20.03.2026")
            #expect(body["absence"] == nil)
            let moves = try #require(body["moves"] as? [[String: Any]])
            #expect(moves.compactMap { $0["pos_number"] as? String } == ["DEMO-0004"])
            #expect(moves.first?["to"] as? String == "improvement_specialist")
            let plan = try #require(body["plan"] as? [String: Any])
            #expect(plan["login"] as? String == "lukovnikovo_territorial" && plan["from"] as? String == "2026-03-10" && plan["until"] as? String == "2026-03-20")
            #expect(try await send(client, .get, "/api/v1/absences", token: admin).array().isEmpty)

            // A substitute who does not cover the cases: a plan with errors, not an error.
            let uncovered = Self.leave.replacingOccurrences(of: "improvement_specialist", with: "roads_specialist")
            let refused = try await send(client, .post, "/api/v1/absences/plan", token: admin, json: uncovered)
            #expect(refused.status == .ok)
            #expect(try refused.object()["acceptable"] as? Bool == false)
            let errors = try #require((try refused.object()["plan"] as? [String: Any])?["errors"] as? [[String: Any]])
            #expect(errors.map { $0["code"] as? String } == ["substitute_not_covering"], "\(errors)")
            // The message in Russian, as the console shows it; the paste for the administrator beside it.
            #expect((errors.first?["message"] as? String)?.hasPrefix("Замещающий не является исполнителем по всем сообщениям и маршрутам «lukovnikovo_territorial»: «") == true, "\(errors)")
            #expect(((try refused.object()["plan"] as? [String: Any])?["suggestion"] as? [String])?.isEmpty == false)

            for who in ["roads_specialist", "head"] {
                expectError(try await send(client, .post, "/api/v1/absences/plan", token: people[who]!, json: Self.leave), .forbidden, code: "forbidden")
            }
        }
    }

    /// The plan is the same snake_case document from the API as from `lko absence plan --format
    /// json`: every key, at any depth, without an uppercase letter; errors and warnings carry a
    /// stable code and the Russian message.
    @Test func planKeysAreSnakeCase() async throws {
        try await withAPI { client, _ in
            let admin = try await login(client, "finance_sysadmin")
            let reply = try await send(client, .post, "/api/v1/absences/plan", token: admin, json: Self.leave)
            #expect(reply.status == .ok, "\(reply)")
            let body = try reply.object()
            func keys(_ value: Any) -> [String] {
                if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
                if let array = value as? [Any] { return array.flatMap(keys) }
                return []
            }
            let all = keys(body)
            #expect(!all.isEmpty && !all.contains { $0.contains(where: \.isUppercase) }, "\(all.filter { $0.contains(where: \.isUppercase) })")
            let plan = try #require(body["plan"] as? [String: Any])
            #expect(plan["substitute_load_now"] is Int && plan["substitute_load_after"] is Int, "\(plan.keys.sorted())")
            let move = try #require((plan["moves"] as? [[String: Any]])?.first)
            #expect(move["pos_number"] as? String == "DEMO-0004" && move["due_during_absence"] is Bool, "\(move.keys.sorted())")
            // A warning: the substitute holds more once the cases move, nothing due while away.
            for issue in (plan["warnings"] as? [[String: Any]] ?? []) + (plan["errors"] as? [[String: Any]] ?? []) {
                #expect(Set(issue.keys) == ["code", "message"], "\(issue)")
                #expect((issue["code"] as? String)?.allSatisfy { $0.isLowercase || $0 == "_" } == true)
            }
            // A route of the plan, when there is one, is snake_case too (`resolves_to`).
            for route in plan["routes"] as? [[String: Any]] ?? [] { #expect(route["resolvesTo"] == nil) }
        }
    }

    @Test func absenceInputIsChecked() async throws {
        try await withAPI { client, _ in
            let admin = try await login(client, "finance_sysadmin")
            for route in ["/api/v1/absences/plan", "/api/v1/absences"] {
                expectError(try await send(client, .post, route, token: admin, json: Self.leave.replacingOccurrences(of: "vacation", with: "holiday")), .badRequest, field: "reason")
                expectError(try await send(client, .post, route, token: admin, json: Self.leave.replacingOccurrences(of: "2026-03-10", with: "tomorrow")), .badRequest, field: "from")
                expectError(try await send(client, .post, route, token: admin, json: Self.leave.replacingOccurrences(of: "20.03.2026", with: "01.03.2026")), .badRequest, field: "until")
                expectError(try await send(client, .post, route, token: admin, json: Self.leave.replacingOccurrences(of: #""improvement_specialist""#, with: #""""#)), .badRequest, field: "substitute")
                expectError(try await send(client, .post, route, token: admin, json: #"{"login":"head"}"#), .badRequest, code: "invalid_json", field: "from")
                expectError(try await send(client, .post, route, token: admin, json: Self.leave.replacingOccurrences(of: #""reason":"vacation""#, with: #""reason":"vacation","allow_partial":"yes""#)),
                            .badRequest, code: "invalid_json", field: "allow_partial")
            }
        }
    }

    @Test func recordingListingEndingAndCancelling() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "roads_specialist", "lukovnikovo_territorial", "head")
            let admin = people["finance_sysadmin"]!
            expectError(try await send(client, .post, "/api/v1/absences", token: people["roads_specialist"]!, json: Self.leave), .forbidden, code: "forbidden")
            let created = try await send(client, .post, "/api/v1/absences", token: admin, json: Self.leave)
            #expect(created.status == .created, "\(created)")
            let absence = try #require(try created.object()["absence"] as? [String: Any])
            let id = try #require(absence["id"] as? Int)
            #expect(absence["status"] as? String == "planned")
            #expect(absence["reason"] as? String == "vacation")
            #expect(absence["starts_on"] as? String == "2026-03-10" && absence["ends_on"] as? String == "2026-03-20")
            // Changing it: a dry run first, then for real; the administrator only.
            let dry = try await send(client, .post, "/api/v1/absences/\(id)/change", token: admin, json: #"{"until":"2026-03-25","dry_run":true}"#)
            #expect(dry.status == .ok, "\(dry)")
            #expect(try dry.object()["absence"] == nil)
            #expect((try dry.object()["plan"] as? [String: Any])?["until"] as? String == "2026-03-25")
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/change", token: people["roads_specialist"]!, json: #"{"until":"2026-03-25"}"#), .forbidden, code: "forbidden")
            expectError(try await send(client, .post, "/api/v1/absences/abc/change", token: admin, json: #"{"until":"2026-03-25"}"#), .notFound)
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/change", token: admin, json: #"{"until":"when"}"#), .badRequest, field: "until")
            let changed = try await send(client, .post, "/api/v1/absences/\(id)/change", token: admin, json: #"{"until":"2026-03-25"}"#)
            #expect(changed.status == .ok, "\(changed)")
            #expect((try changed.object()["absence"] as? [String: Any])?["ends_on"] as? String == "2026-03-25")
            // The same person cannot be away twice at once.
            let twice = try await send(client, .post, "/api/v1/absences", token: admin, json: Self.leave)
            #expect(twice.status.code >= 400 && twice.status.code < 500 && twice.status != .created, "\(twice)")

            // Everyone sees the period and the substitute; the reason only the person, the
            // administrator and the coordinator.
            let seenByColleague = try await send(client, .get, "/api/v1/absences", token: people["roads_specialist"]!).array()
            #expect(seenByColleague.count == 1)
            #expect(seenByColleague.first?["substitute_name"] as? String == "Зайцева Ольга Андреевна")
            #expect(seenByColleague.first?["reason"] == nil && seenByColleague.first?["reason_title"] == nil)
            for who in ["finance_sysadmin", "lukovnikovo_territorial", "head"] {
                #expect(try await send(client, .get, "/api/v1/absences", token: people[who]!).array().first?["reason"] as? String == "vacation", "\(who)")
            }
            #expect(try await send(client, .get, "/api/v1/absences?login=roads_specialist", token: admin).array().isEmpty)
            #expect(try await send(client, .get, "/api/v1/absences?at=2026-03-15", token: admin).array().count == 1)
            #expect(try await send(client, .get, "/api/v1/absences?at=2026-04-15", token: admin).array().isEmpty)
            expectError(try await send(client, .get, "/api/v1/absences?at=someday", token: admin), .badRequest, field: "at")
            expectError(try await send(client, .get, "/api/v1/absences?login=" + String(repeating: "x", count: 65), token: admin), .badRequest, field: "login")

            let unknownEnd = try await send(client, .post, "/api/v1/absences/99999/end", token: admin, json: "{}")
            #expect(unknownEnd.status.code >= 400 && unknownEnd.status.code < 500)
            let unknownCancel = try await send(client, .post, "/api/v1/absences/99999/cancel", token: admin)
            #expect(unknownCancel.status.code >= 400 && unknownCancel.status.code < 500)
            // Ending: the administrator (or the person) only; to anyone else someone's absence is
            // "not found", like an id that is not a number or not there.
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/end", token: people["roads_specialist"]!, json: "{}"), .notFound, code: "absence_not_found")
            expectError(try await send(client, .post, "/api/v1/absences/abc/end", token: admin, json: "{}"), .notFound)
            // Was a known issue in review: an unknown absence is WorkflowError.invalid (400) and is looked up before the permission check; should be 404 (fixed).
            expectError(unknownEnd, .notFound)
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/end", token: admin, json: #"{"at":"never"}"#), .badRequest, field: "at")

            // Cancelling the planned absence; then it is listed as cancelled.
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/cancel", token: people["roads_specialist"]!), .notFound, code: "absence_not_found")
            expectError(try await send(client, .post, "/api/v1/absences/abc/cancel", token: admin), .notFound)
            // Was a known issue in review: an unknown absence is WorkflowError.invalid (400); should be 404 (fixed).
            expectError(unknownCancel, .notFound)
            let cancelled = try await send(client, .post, "/api/v1/absences/\(id)/cancel", token: admin)
            #expect(cancelled.status == .noContent, "\(cancelled)")
            #expect(cancelled.text.isEmpty)
            #expect(try await send(client, .get, "/api/v1/absences", token: admin).array().first?["status"] as? String == "cancelled")
        }
    }

    @Test func anAbsenceThatHasStartedHandsOverAndEnds() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "improvement_specialist")
            let admin = people["finance_sysadmin"]!
            let today = Self.leave.replacingOccurrences(of: "2026-03-10", with: "2026-03-02")
            let created = try await send(client, .post, "/api/v1/absences", token: admin, json: today)
            #expect(created.status == .created, "\(created)")
            let absence = try #require(try created.object()["absence"] as? [String: Any])
            #expect(absence["status"] as? String == "in_progress")
            let id = try #require(absence["id"] as? Int)
            #expect(try await send(client, .get, "/api/v1/cases?view=mine", token: people["improvement_specialist"]!).caseNumbers() == ["DEMO-0004"])
            // Back tomorrow: the last day away is today.
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/end", token: admin, json: #"{"at":"2026-03-02"}"#), .badRequest)
            let ended = try await send(client, .post, "/api/v1/absences/\(id)/end", token: admin, json: #"{"at":"03.03.2026"}"#)
            #expect(ended.status == .ok, "\(ended)")
            #expect(try ended.object()["id"] as? Int == id)
            #expect(try ended.object()["ends_on"] as? String == "2026-03-02")
            expectError(try await send(client, .post, "/api/v1/absences/\(id)/cancel", token: admin), .badRequest)
        }
    }

    @Test func theDelegationCheck() async throws {
        try await withAPI { client, _ in
            let people = try await tokens(client, "finance_sysadmin", "head", "roads_specialist")
            let admin = people["finance_sysadmin"]!
            let empty = try await send(client, .get, "/api/v1/delegation/check", token: admin)
            #expect(empty.status == .ok)
            #expect(try empty.array().isEmpty)
            let created = try await send(client, .post, "/api/v1/absences", token: admin,
                                         json: Self.leave.replacingOccurrences(of: "improvement_specialist", with: "roads_specialist").replacingOccurrences(of: #""reason":"vacation""#, with: #""reason":"sick","allow_partial":true"#))
            #expect(created.status == .created, "\(created)")
            let findings = try await send(client, .get, "/api/v1/delegation/check?from=2026-03-09&days=7", token: admin).array()
            #expect(!findings.isEmpty)
            #expect(findings.allSatisfy { $0["login"] as? String == "lukovnikovo_territorial" && ["error", "warning"].contains($0["severity"] as? String ?? "") })
            // Each with its stable code and the Russian message.
            #expect(findings.allSatisfy { ($0["code"] as? String)?.isEmpty == false && ($0["message"] as? String)?.contains(where: { ("а"..."я").contains($0) }) == true }, "\(findings)")
            for who in ["head", "roads_specialist"] {
                expectError(try await send(client, .get, "/api/v1/delegation/check", token: people[who]!), .forbidden, code: "forbidden")
            }
            expectError(try await send(client, .get, "/api/v1/delegation/check?days=367", token: admin), .badRequest, field: "days")
            expectError(try await send(client, .get, "/api/v1/delegation/check?days=many", token: admin), .badRequest, field: "days")
            expectError(try await send(client, .get, "/api/v1/delegation/check?from=31.02.2026x", token: admin), .badRequest, field: "from")
        }
    }
}
