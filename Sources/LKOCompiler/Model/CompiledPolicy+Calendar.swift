import LKOCalendar

extension CompiledPolicy {
    /// The shipped production calendar with the policy's `calendar { … }` entries applied: a new
    /// decree takes effect by a policy change, without a new release of lko.
    public func productionCalendar(base: ProductionCalendar) throws -> ProductionCalendar {
        try base.applying(
            tables.calendar.compactMap { row in
                CalendarDate(iso: row.date).map { CalendarOverride(date: $0, kind: row.kind == "workday" ? .working : .nonWorking, source: row.source) }
            },
            declaring: tables.calendarYears.map { CalendarYearDeclaration(year: $0.year, source: $0.source) }
        )
    }

    /// The deadline rule the organization chose, in the calendar's terms.
    public var deadlineEndRule: DeadlineEndRule {
        tables.organization.deadlineRule == .nextWorkingDay ? .nextWorkingDay : .precedingWorkingDay
    }
}

extension TermValue {
    /// The calendar module's view of this term.
    public var calendarTerm: Term {
        Term(days: days, unit: unit == .working ? .workingDays : .calendarDays)
    }
}
