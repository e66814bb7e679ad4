import LKOMessages
import Testing
@testable import LKOCalendar

/// Issue 16: what `lko deadline --explain` shows people comes from the catalog, in either
/// language, with DD.MM.YYYY dates; the English descriptions (JSON, logs) stay as they were.
@Suite("Issue 16: the calendar's explanations in either language")
struct Issue16CalendarTextTests {
    let calculator = DeadlineCalculator(calendar: shippedCalendar!)

    @Test func aSwallowedTermInRussianAndEnglish() throws {
        let deadline = try calculator.deadline(entry: date("2024-12-29"), term: .calendarDays(10))
        #expect(deadline.explanationMessage.render(.ru) == "поступление 29.12.2024 + 10 календарных дней; номинальный последний день 08.01.2025")
        #expect(deadline.explanationMessage.render(.en) == "entry 29.12.2024 + 10 calendar days; nominal last day 08.01.2025")
        #expect(deadline.steps.first?.message.render(.ru) == "08.01.2025 ср: нерабочий, праздничный день (ТК РФ ст. 112 ч. 1) — пропущен")
        #expect(deadline.steps.first?.message.render(.en) == "08.01.2025 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped")
        #expect(deadline.steps[3].message.render(.ru) == "05.01.2025 вс: нерабочий, выходной день — пропущен")
        #expect(deadline.steps[9].message.render(.ru)
            == "30.12.2024 пн: нерабочий, выходной по переносу (ПП РФ от 10.08.2023 № 1314: выходной с 28.12.2024 на 30.12.2024) — пропущен")
        #expect(deadline.steps.last?.message.render(.ru) == "09.01.2025 чт: рабочий, обычный будний день — последний день срока")
        #expect(deadline.steps.last?.message.render(.en) == "09.01.2025 Thu: working, ordinary weekday — deadline")
        #expect(deadline.noteMessage?.render(.ru)
            == "все дни с 30.12.2024 по 08.01.2025 нерабочие: срок поглощён праздниками, и последний день срока переносится вперёд, на первый рабочий день — 09.01.2025")
        #expect(deadline.noteMessage?.render(.en)
            == "every day from 30.12.2024 to 08.01.2025 is non-working, so the term was swallowed by holidays: the deadline moves forward to the first working day, 09.01.2025")
        // The English description with ISO dates is unchanged (JSON `steps`, the stored note).
        #expect(deadline.steps.first?.description == "2025-01-08 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped")
        #expect(deadline.note?.hasPrefix("every day from 2024-12-30 to 2025-01-08") == true)
    }

    @Test func workingDaysAndAnExtension() throws {
        let deadline = try calculator.deadline(entry: date("2026-03-02"), term: .workingDays(5), extraDays: 2)
        #expect(deadline.explanationMessage.render(.ru) == "поступление 02.03.2026 + 5 рабочих дней + продление на 2 рабочих дня; номинальный последний день 12.03.2026")
        #expect(deadline.explanationMessage.render(.en) == "entry 02.03.2026 + 5 working days + 2 working days extension; nominal last day 12.03.2026")
        #expect(deadline.steps.first?.message.render(.ru) == "03.03.2026 вт: рабочий, обычный будний день — рабочий день срока № 1")
        #expect(deadline.steps.first?.message.render(.en) == "03.03.2026 Tue: working, ordinary weekday — working day 1 of the term")
        #expect(deadline.noteMessage == nil)
        #expect(Term.daysArgument(1, unit: .calendarDays) == .pair(ru: "1 календарный день", en: "1 calendar day"))
        #expect(Term.daysArgument(21, unit: .workingDays) == .pair(ru: "21 рабочий день", en: "21 working days"))
    }

    @Test func everyReasonAndTheWeekdays() throws {
        let day = try date("2027-02-20")
        #expect(DayInfo(date: day, reason: .workingWeekend(source: "ПП")).message.render(.ru) == "20.02.2027 сб: рабочий, рабочий день по переносу (ПП)")
        #expect(DayInfo(date: day, reason: .declaredDayOff(source: "X")).message.render(.en) == "20.02.2027 Sat: non-working, declared non-working by override (X)")
        #expect(DayReason.declaredWorkingDay(source: "X").message.render(.ru) == "объявлен рабочим в политике (X)")
        let monday = try date("2026-03-02")
        #expect((0..<7).map { Message(.verbatim, ["text": monday.adding(days: $0).weekdayArgument]).render(.ru) } == ["пн", "вт", "ср", "чт", "пт", "сб", "вс"])
        #expect((0..<7).map { monday.adding(days: $0).weekdayAbbreviation } == (0..<7).map { Message(.verbatim, ["text": monday.adding(days: $0).weekdayArgument]).render(.en) })
        #expect(monday.peopleText == "02.03.2026")
    }

    @Test func errorsInEitherLanguage() throws {
        #expect(CalendarError.yearNotCovered(2029).message.render(.ru).hasPrefix("производственный календарь не охватывает 2029 год"))
        #expect(CalendarError.yearNotCovered(2029).message.render(.en) == CalendarError.yearNotCovered(2029).description)
        let override = try date("2028-03-04")
        #expect(CalendarOverrideError.yearNotCovered(override).message.render(.ru) == "поправка на 04.03.2028: календарь не охватывает 2028 год; сначала объявите год с его постановлением")
        #expect(CalendarOverrideError.missingSource("year 2028").message.render(.ru) == "2028 год: не указан источник — назовите закон или постановление")
        #expect(CalendarOverrideError.missingSource("override for 2028-03-04").message.render(.en) == "override for 04.03.2028 has no source: name the law or decree behind it")
        #expect(CalendarOverrideError.duplicateYear(2028).message.render(.ru) == "2028 год объявлен больше одного раза")
    }
}
