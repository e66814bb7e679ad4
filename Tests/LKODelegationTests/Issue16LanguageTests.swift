import Foundation
import LKOCalendar
import LKOMessages
import LKOStore
import LKOWorkflow
import Testing

/// Cyrillic that an English text may keep: the platform's and the order's proper names.
let properNames = ["ПОС", "ЛКО", "59-ФЗ", "ФОИВ"]

func hasCyrillic(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
}

/// English with the proper names taken out: no Cyrillic may be left.
func isEnglish(_ text: String) -> Bool {
    !hasCyrillic(properNames.reduce(text) { $0.replacingOccurrences(of: $1, with: "") })
}

/// Issue 16: the delegation plan's errors and warnings and the workflow's refusals are structured
/// at their source — a stable code and a catalog message — and read in the reader's language.
@Suite("Issue 16: plan issues and workflow refusals in both languages")
struct Issue16LanguageTests {
    @Test("a plan's errors: codes, the order's Russian, English without Cyrillic, names for the console")
    func planErrorsInBothLanguages() throws {
        // Without eligibility roads_deputy's dated grant ends on 2027-02-05: not covered after.
        let fixture = try DelegationFixture(eligibility: false)
        try fixture.roadsCases()
        let request = fixture.request("roads_specialist", from: "2027-01-25", until: "2027-02-10", substitute: "roads_deputy")
        let plan = try fixture.plan(request)
        let error = try #require(plan.errors.first)
        #expect(plan.errors.map(\.code) == ["substitute_not_covering"])
        #expect(plan.suggestion.count == 1)
        let russian = error.text(.ru)
        #expect(russian.hasPrefix("Замещающий не является исполнителем по всем сообщениям и маршрутам «roads_specialist»: "), "\(russian)")
        #expect(russian.contains("«roads.potholes» (сообщение R1, автоправило road_defects): у «roads_deputy» на 06.02.2027 нет по ней назначения с ролью executor"), "\(russian)")
        let english = error.text(.en)
        #expect(english.contains("roads.potholes (case R1, autorule road_defects): roads_deputy holds no executor grant on it on 06.02.2027"), "\(english)")
        #expect(isEnglish(english), "\(english)")
        // The console shows people's names where the message names a login.
        let named = error.text(.ru) { $0 == "roads_deputy" ? "Петров Пётр Петрович" : $0 }
        #expect(named.contains("у «Петров Пётр Петрович» на 06.02.2027 нет по ней назначения"), "\(named)")
        #expect(named.contains("«roads_specialist»"))

        // Recording it is refused with the same errors, as a structured workflow error.
        do {
            try fixture.add(request)
            Issue.record("the plan has errors: nothing may be recorded")
        } catch let refusal as WorkflowError {
            #expect(refusal.code == "plan_refused")
            guard case .planRefused(let absence, let errors, let suggestion) = refusal else { Issue.record("\(refusal)"); return }
            #expect(absence == nil && errors == plan.errors && suggestion == plan.suggestion)
            #expect(refusal.message?.render(.ru) == "Отсутствие не записано:")
            #expect(refusal.planErrors.map { $0.key } == [.planNotCovering, .planSuggestion])
            #expect(refusal.description.hasPrefix("The absence is not recorded:\n  - The substitute does not cover every case and route of roads_specialist: "))
            #expect(refusal.description.contains("  - add to the policy (ready to paste):\n      substitute roads_deputy for roads_specialist"), "\(refusal.description)")
            #expect(isEnglish(refusal.description))
        }
    }

    @Test("a plan's warnings: each with its code, in Russian and in English")
    func planWarningsInBothLanguages() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_deputy", from: "2027-01-10", until: "2027-01-25", substitute: "roads_reserve"))
        let plan = try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        #expect(plan.errors == [])
        #expect(Set(plan.warnings.map(\.code)) == ["substitution_chain", "substitution_chain_more", "due_during_absence"], "\(plan.warnings)")
        let chain = try #require(plan.warnings.first { $0.code == "substitution_chain" })
        #expect(chain.text(.ru) == "11.01.2027 замещающий «roads_deputy» тоже отсутствует: сообщения перейдут по цепочке roads_specialist → roads_deputy → roads_reserve к «roads_reserve».")
        #expect(chain.text(.en) == "On 11.01.2027 roads_deputy is absent too: cases go along roads_specialist → roads_deputy → roads_reserve to roads_reserve.")
        let more = try #require(plan.warnings.first { $0.code == "substitution_chain_more" })
        #expect(more.text(.ru) == "… и ещё 5 дней с цепочкой замещения.")
        #expect(more.text(.en) == "… and 5 days more with a substitution chain.")
        let due = try #require(plan.warnings.first { $0.code == "due_during_absence" })
        #expect(due.text(.ru) == "Сообщений и обращений со сроком в период отсутствия: 1.")
        for warning in plan.warnings {
            #expect(hasCyrillic(warning.text(.ru)), "\(warning.code)")
            #expect(isEnglish(warning.text(.en)), "\(warning.code): \(warning.text(.en))")
        }
    }

    @Test("the plan's JSON: snake_case keys; each issue a code and the Russian message")
    func planJSON() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        let plan = try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_specialist"))
        #expect(plan.errors.map(\.code).contains("substitute_is_absentee"))
        let data = try JSONEncoder().encode(plan)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["login", "from", "substitute", "moves", "routes", "substitute_load_now", "substitute_load_after", "errors", "warnings"]))
        let move = try #require((object["moves"] as? [[String: Any]])?.first)
        // `to` and `deadline` are left out when there is none.
        #expect(Set(move.keys).isSubset(of: ["pos_number", "node", "state", "deadline", "holder", "to", "outcome", "due_during_absence"]), "\(move.keys.sorted())")
        #expect(Set(move.keys).isSuperset(of: ["pos_number", "node", "state", "holder", "outcome", "due_during_absence"]), "\(move.keys.sorted())")
        let route = try #require((object["routes"] as? [[String: Any]])?.first)
        #expect(!route.keys.contains { $0.contains(where: \.isUppercase) }, "\(route.keys.sorted())")
        let errors = try #require(object["errors"] as? [[String: String]])
        #expect(errors.contains(["code": "substitute_is_absentee", "message": "Замещающим должен быть другой сотрудник, не «roads_specialist»."]), "\(errors)")
        // Read back (the CLI over a server): the code, and the Russian as it was sent.
        let decoded = try JSONDecoder().decode(DelegationPlan.self, from: data)
        #expect(decoded.errors.map(\.code) == plan.errors.map(\.code))
        #expect(decoded.errors.map { $0.text(.ru) } == plan.errors.map { $0.text(.ru) })
        #expect(decoded.moves == plan.moves && decoded.routes == plan.routes)
    }

    @Test("delegation check findings carry codes; the JSON message is Russian")
    func findings() throws {
        let fixture = try DelegationFixture(eligibility: false)
        try fixture.roadsCases()
        try fixture.add(fixture.request("deputy_housing", from: "2027-01-11", until: "2027-01-20", substitute: "deputy_social"))
        try fixture.add(fixture.request("ookr_curator", from: "2027-01-11", until: "2027-01-20", substitute: "deputy_social"))
        try fixture.add(fixture.request("ookr_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "deputy_social"))
        let gap = try #require(try fixture.workflow.delegationCheck(from: day("2027-01-05"), days: 30, by: fixture.admin).first { $0.code == "approval_gap" })
        let russian = gap.message.render(.ru)
        #expect(russian.hasPrefix("Сообщение R3 (roads.signs) на утверждении, и в дни 11.01.2027 – 20.01.2027 утвердить его некому из присутствующих"), "\(russian)")
        #expect(russian.contains("разделение обязанностей: roads_specialist"))
        #expect(isEnglish(gap.message.render(.en)), "\(gap.message.render(.en))")
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(gap)) as? [String: Any])
        #expect(object["code"] as? String == "approval_gap")
        #expect(object["message"] as? String == russian)
        #expect(object["case"] as? String == "R3")
    }

    @Test("the workflow's refusals: codes at the source, both languages, no string matching")
    func workflowRefusals() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        func refusal(_ body: () throws -> Void) -> WorkflowError? {
            do { try body() } catch let error as WorkflowError { return error } catch { Issue.record("\(error)") }
            return nil
        }
        let cases: [(WorkflowError?, String, String, String)] = [
            (refusal { try fixture.perform(.reassign, "R1", by: "head", to: "roads_specialist") }, "already_assigned",
             "Сообщение уже назначено этому исполнителю.", "The case is already assigned to this executor."),
            (refusal { try fixture.perform(.return, "R3", by: "deputy_housing") }, "comment_required",
             "Укажите, что нужно доработать: --comment \"…\".", "`return` needs the reason for revision: --comment \"…\"."),
            (refusal { try fixture.perform(.reclassify, "R1", by: "head", to: "roads", text: "не та категория") }, "node_is_category",
             "«roads» — категория; сообщение относится к подкатегории (например, roads.condition).", "`roads` is a category; a case sits on a subcategory (e.g. roads.condition)."),
            (refusal { _ = try fixture.workflow.endAbsence(42, returnedOn: day("2027-01-15"), by: fixture.admin) }, "absence_not_found",
             "Нет отсутствия № 42; список — `lko absence list`.", "No absence #42; `lko absence list` shows them."),
        ]
        for (error, code, russian, english) in cases {
            let error = try #require(error, "\(code)")
            #expect(error.code == code)
            #expect(error.message?.render(.ru) == russian, "\(code)")
            #expect(error.message?.render(.en) == english, "\(code)")
            #expect(error.description == english, "the English description for logs")
            #expect(isEnglish(error.description))
        }
        // Absence rules refused with their codes and the absence's dates as people write them.
        let (absence, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-12", until: "2027-01-20", substitute: "roads_deputy"))
        let tooEarly = try #require(refusal { _ = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-12"), by: fixture.admin) })
        #expect(tooEarly.code == "absence_not_started")
        #expect(tooEarly.message?.render(.ru) == "Отсутствие № \(absence.id) начинается 12.01.2027; чтобы отказаться от него до начала, используйте `lko absence cancel \(absence.id)`.")
        #expect(tooEarly.message?.render(.en) == "Absence #\(absence.id) starts on 12.01.2027; to drop it before it starts, use `lko absence cancel \(absence.id)`.")
    }
}
