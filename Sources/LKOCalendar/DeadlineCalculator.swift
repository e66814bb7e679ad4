/// Computes the last day of a term (order № 78р item 10) on a production calendar.
///
/// The entry date — the day the case entered moderation — is day 0. For a term of N calendar
/// days the nominal last day is entry + N, and with the order's rule
/// (``DeadlineEndRule/precedingWorkingDay``) the deadline is the **last working day in
/// (entry, entry + N]**:
///
/// ```swift
/// let calculator = DeadlineCalculator(calendar: try .shipped())
/// let deadline = try calculator.deadline(entry: CalendarDate(iso: "2024-02-13")!, term: .calendarDays(10))
/// // The nominal last day, 2024-02-23, is a holiday (Defender of the Fatherland Day),
/// // so the term ends on the working day before it.
/// deadline.date  // 2024-02-22
/// ```
///
/// When that interval holds no working day at all (entry 2024-12-29, 10 days: every day up to
/// 2025-01-08 is off), the deadline is the first working day after entry + N and
/// ``Deadline/swallowedByHolidays`` is set. With ``DeadlineEndRule/nextWorkingDay`` the deadline
/// is the first working day on or after entry + N. A term of N working days ends on the N-th
/// working day after the entry. In every case the deadline is after the entry date.
public struct DeadlineCalculator: Sendable {
    public let calendar: ProductionCalendar

    public init(calendar: ProductionCalendar) {
        self.calendar = calendar
    }

    /// The deadline of `term` for a case that entered moderation on `entry`.
    ///
    /// - Throws: ``DeadlineError/termOutOfRange(days:)`` for a term outside ``Term/allowedDays``;
    ///   ``CalendarError/yearNotCovered(_:)`` when a day the search must look at lies in a year
    ///   the calendar does not cover.
    public func deadline(
        entry: CalendarDate,
        term: Term,
        endRule: DeadlineEndRule = .precedingWorkingDay
    ) throws -> Deadline {
        guard Term.allowedDays.contains(term.days) else { throw DeadlineError.termOutOfRange(days: term.days) }
        return try compute(entry: entry, term: term, extraDays: 0, endRule: endRule)
    }

    /// The deadline of `term` extended by `extraDays` (an appeal's term may be extended once by up
    /// to 30 days, 59-ФЗ art. 12 part 2). The extra days are in the term's unit and are added to
    /// N before the end rule applies: the deadline of an extended term is not the old deadline
    /// plus the extension.
    ///
    /// - Throws: ``DeadlineError/extensionOutOfRange(days:)`` for `extraDays` outside
    ///   0…``Term/maximumExtensionDays``, and everything ``deadline(entry:term:endRule:)`` throws.
    public func deadline(
        entry: CalendarDate,
        term: Term,
        extraDays: Int,
        endRule: DeadlineEndRule = .precedingWorkingDay
    ) throws -> Deadline {
        guard Term.allowedDays.contains(term.days) else { throw DeadlineError.termOutOfRange(days: term.days) }
        guard (0...Term.maximumExtensionDays).contains(extraDays) else {
            throw DeadlineError.extensionOutOfRange(days: extraDays)
        }
        return try compute(entry: entry, term: term, extraDays: extraDays, endRule: endRule)
    }

    private func compute(entry: CalendarDate, term: Term, extraDays: Int, endRule: DeadlineEndRule) throws(CalendarError) -> Deadline {
        let days = term.days + extraDays
        var steps: [DeadlineStep] = []
        func finish(_ date: CalendarDate, nominal: CalendarDate, swallowed: Bool = false) -> Deadline {
            Deadline(
                entry: entry, term: term, extraDays: extraDays, endRule: endRule, date: date,
                nominalLastDay: nominal, swallowedByHolidays: swallowed, steps: steps
            )
        }

        if term.unit == .workingDays {
            var counted = 0
            var day = entry
            while true {
                day = day.adding(days: 1)
                let info = try calendar.dayInfo(day)
                guard info.isWorkingDay else {
                    steps.append(DeadlineStep(day: info, direction: .forward, outcome: .skipped))
                    continue
                }
                counted += 1
                if counted == days {
                    steps.append(DeadlineStep(day: info, direction: .forward, outcome: .chosen))
                    return finish(day, nominal: day)
                }
                steps.append(DeadlineStep(day: info, direction: .forward, outcome: .counted(counted)))
            }
        }

        let nominal = entry.adding(days: days)
        if endRule == .precedingWorkingDay {
            var day = nominal
            while day > entry {
                let info = try calendar.dayInfo(day)
                if info.isWorkingDay {
                    steps.append(DeadlineStep(day: info, direction: .backward, outcome: .chosen))
                    return finish(day, nominal: nominal)
                }
                steps.append(DeadlineStep(day: info, direction: .backward, outcome: .skipped))
                day = day.adding(days: -1)
            }
        }

        // Next-working-day rule, or a swallowed term: search forward. The loop ends because the
        // calendar throws `yearNotCovered` once the search leaves its data.
        let swallowed = endRule == .precedingWorkingDay
        var day = swallowed ? nominal.adding(days: 1) : nominal
        while true {
            let info = try calendar.dayInfo(day)
            if info.isWorkingDay {
                steps.append(DeadlineStep(day: info, direction: .forward, outcome: .chosen))
                return finish(day, nominal: nominal, swallowed: swallowed)
            }
            steps.append(DeadlineStep(day: info, direction: .forward, outcome: .skipped))
            day = day.adding(days: 1)
        }
    }
}
