import Foundation
import LKOApplication
import LKOMessages
import LKOWorkflow
import Testing

/// Issue 16: the application's refusals come from the catalog — the API and the console read
/// them in Russian, the CLI in the reader's language — with their codes and fields unchanged.
@Suite struct Issue16ErrorLanguageTests {
    /// Cyrillic an English text may keep: proper names of the platform and the order.
    static func isEnglish(_ text: String) -> Bool {
        let stripped = ["ПОС", "ЛКО", "59-ФЗ", "ФОИВ"].reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
        return !stripped.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    static func refusal(_ body: () throws -> Void) -> AppError? {
        do { try body() } catch let error as AppError { return error } catch { Issue.record("not an AppError: \(error)") }
        return nil
    }

    @Test func everyErrorKeyOfTheWorkflowAndTheApplicationHasAnEnglishTwin() {
        let prefixes = ["err", "wf", "absErr", "plan", "workflow"]
        let keys = MessageKey.allCases.filter { key in prefixes.contains { key.rawValue.hasPrefix($0) } }
        #expect(keys.count > 90)
        for key in keys {
            let ru = Messages.template(key, .ru), en = Messages.template(key, .en)
            // Templates that are only placeholders and punctuation have no words to translate.
            let words = Messages.placeholders(ru).reduce(ru) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            if words.contains(where: \.isLetter) { #expect(Self.hasCyrillic(ru), "\(key): \(ru)") }
            #expect(Self.isEnglish(en), "\(key): \(en)")
            #expect(ru != en || !words.contains(where: \.isLetter), "\(key) is not translated")
        }
    }

    @Test func aSampleOfRefusalsInBothLanguagesWithTheirCodesAndFields() throws {
        let fixture = try ServerFixture()
        let service = fixture.service
        let admin = try fixture.caller("finance_sysadmin")
        let leave = AbsenceInput(login: "lukovnikovo_territorial", from: "2026-03-10", until: "2026-03-20", reason: "vacation", substitute: "improvement_specialist")
        var noReason = leave
        noReason.reason = "holiday"
        var badDate = leave
        badDate.from = "tomorrow"
        var nobody = leave
        nobody.login = ""
        let samples: [(AppError?, code: String, field: String?, ru: String, en: String)] = [
            (Self.refusal { _ = try service.planAbsence(admin, noReason) }, "invalid", "reason",
             "Причина: отпуск, больничный, командировка, учёба или иное.", "The reason: vacation, sick, business_trip, study or other."),
            (Self.refusal { _ = try service.planAbsence(admin, badDate) }, "invalid", "from",
             "Дата «tomorrow» не читается; пишите ДД.ММ.ГГГГ.", "The date `tomorrow` cannot be read; write DD.MM.YYYY (or YYYY-MM-DD)."),
            (Self.refusal { _ = try service.planAbsence(admin, nobody) }, "invalid", "login", "Укажите, кто отсутствует.", "Give who will be away."),
            (Self.refusal { _ = try service.delegationCheck(admin, from: nil, days: 400) }, "invalid", "days", "Окно проверки: 0–366 дней.", "The window is 0–366 days."),
            (Self.refusal { _ = try service.perform(admin, action: "fly", number: "DEMO-0001", request: ActionRequest()) }, "invalid", "action",
             "Неизвестное действие «fly».", "Unknown action `fly`."),
            (Self.refusal { _ = try service.perform(try fixture.caller("head"), action: "return", number: "DEMO-0001", request: ActionRequest(comment: "  ")) }, "invalid", "comment",
             "Укажите, что нужно доработать: комментарий обязателен.", "Say what to fix: the comment is required."),
            (Self.refusal { _ = try service.endAbsence(admin, id: 4711, returnedOn: nil) }, "absence_not_found", nil, "Такого отсутствия нет.", "There is no such absence."),
        ]
        for sample in samples {
            let error = try #require(sample.0, "\(sample.ru)")
            #expect(error.code == sample.code && error.field == sample.field, "\(error.code) \(error.field ?? "-")")
            #expect(error.message == sample.ru, "what the API and the console show")
            #expect(error.message(in: .ru) == sample.ru)
            #expect(error.message(in: .en) == sample.en)
            #expect(Self.isEnglish(error.description(in: .en)))
        }
    }

    @Test func aRefusedHandoverSaysWhyAndWhoCouldInBothLanguages() throws {
        let fixture = try ServerFixture()
        let error = try #require(Self.refusal { _ = try fixture.service.disableWithHandover(try fixture.caller("finance_sysadmin"), login: "roads_specialist", to: "head") })
        #expect(error.code == "handover_refused" && error.kind == .conflict)
        // The administrator may not reassign cases (the coordinator does): the gate's refusal,
        // in the catalog's words, then who could.
        #expect(error.message == "Передача дела DEMO-0001 (roads.potholes.carriageway) отклонена: Недостаточно прав для этого действия. Дело могут принять: никто; передать могут: head. Уже переданы: нет; учётная запись не отключена.", "\(error.message)")
        let english = error.message(in: .en)
        #expect(english == "Handing over case DEMO-0001 (roads.potholes.carriageway) was refused: You may not do this. Who may take the case: nobody; who may hand it over: head. Already handed over: none; the account is not disabled.", "\(english)")
        #expect(Self.isEnglish(english), "\(english)")
    }

    @Test func aRefusedAbsenceListsThePlansErrorsAsDetails() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        // roads_specialist is no executor on lukovnikovo_territorial's improvement cases.
        let uncovered = AbsenceInput(login: "lukovnikovo_territorial", from: "2026-03-10", until: "2026-03-20", reason: "vacation", substitute: "roads_specialist")
        let error = try #require(Self.refusal { _ = try fixture.service.addAbsence(admin, uncovered) })
        #expect(error.kind == .invalid && error.code == "invalid")
        #expect(error.message == "Отсутствие не записано:")
        #expect(error.detailTexts.map(\.key) == [.planNotCovering, .planSuggestion])
        #expect(error.details.first?.hasPrefix("Замещающий не является исполнителем по всем сообщениям и маршрутам «lukovnikovo_territorial»: ") == true, "\(error.details)")
        #expect(error.details.count == 2 && error.details.allSatisfy(Self.hasCyrillic))
        let english = error.description(in: .en)
        #expect(english.hasPrefix("The absence is not recorded:\n  - The substitute does not cover every case and route of lukovnikovo_territorial: "), "\(english)")
        #expect(english.contains("\n  - add to the policy (ready to paste):\n      substitute roads_specialist for lukovnikovo_territorial"), "\(english)")
        #expect(Self.isEnglish(english), "\(english)")
        // Nothing was recorded.
        #expect(try fixture.service.absences(admin).isEmpty)
    }

    @Test func theAuditVerificationSaysItInRussianWithTheRightPlural() throws {
        let fixture = try ServerFixture()
        let result = try fixture.service.verifyAudit(try fixture.caller("finance_sysadmin"))
        #expect(result.intact)
        #expect(result.message == "Цепочка журнала цела: \(Messages.count(result.entries, .entry, in: .ru)). Сверьте последний хеш с сохранённым отдельно.")
    }
}
