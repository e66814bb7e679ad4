import LKOLanguage
import LKOCalendar
import LKOMessages

extension Resolver {
    mutating func resolveGrants(_ declarations: Declarations) {
        var resolved: [(row: GrantRow, span: SourceSpan)] = []
        for case .grant(let grant) in declarations {
            let roleRow = role(grant.role)
            var paths: [String] = []
            var pathsOK = true
            for path in grant.nodes {
                if let index = resolvePath(path) { paths.append(tree.rows[index].path) } else { pathsOK = false }
            }
            if let from = grant.from, let until = grant.until, until.description < from.description {
                report(Diagnostic(.invalidValidity, Message(.diagGrantEndsBeforeStart, ["until": .text(until.description), "from": .text(from.description)]), at: until.span, label: Message(.diagBeforeFrom), help: Message(.diagGrantEndsBeforeStartHelp)))
                continue
            }
            guard roleRow != nil, pathsOK else { continue }
            let row = GrantRow(index: 0, login: grant.login.name, role: grant.role.name, nodes: Array(Set(paths)).sorted(), from: grant.from?.description, until: grant.until?.description, position: position(grant.span))
            resolved.append((row, grant.span))
        }
        // Canonical order: by content, so declaration order never changes a grant's index.
        // (The joined node list is built once per grant, not once per comparison.)
        let keys = resolved.map { ($0.row.login, $0.row.role, $0.row.nodes.joined(separator: ","), $0.row.from ?? "", $0.row.until ?? "", $0.row.position) }
        resolved = resolved.indices.sorted { keys[$0] < keys[$1] }.map { resolved[$0] }
        grants = resolved.enumerated().map { index, entry in
            var row = entry.row
            row.index = index
            return row
        }
        spans.grants = resolved.map(\.span)
    }

    mutating func resolveCalendar(_ declarations: Declarations) {
        var seenDates: [String: SourceSpan] = [:]
        var seenYears: [Int: SourceSpan] = [:]
        for case .calendar(let calendar) in declarations {
            for entry in calendar.entries {
                switch entry.kind {
                case .year(let year):
                    guard (2000...2100).contains(year.value) else {
                        report(Diagnostic(.invalidCalendarEntry, Message(.diagCalendarYearRange, ["year": .text("\(year.value)")]), at: year.span, label: Message(.diagCalendarYearRangeLabel), help: Message(.diagCalendarYearRangeHelp)))
                        continue
                    }
                    if let first = seenYears[year.value] {
                        report(Diagnostic(.invalidCalendarEntry, Message(.diagCalendarYearTwice, ["year": .text("\(year.value)")]), at: year.span, label: Message(.diagSecondDeclaration), help: Message(.diagKeepOneYear), notes: [.init(Message(.diagFirstDeclaredHere), at: first)]))
                        continue
                    }
                    seenYears[year.value] = year.span
                    calendarYears.append(CalendarYearRow(year: year.value, source: entry.source.value, position: position(entry.span)))
                case .dayOff(let date), .workday(let date):
                    let isWorkday: Bool
                    if case .workday = entry.kind { isWorkday = true } else { isWorkday = false }
                    if let first = seenDates[date.description] {
                        report(Diagnostic(.invalidCalendarEntry, Message(.diagCalendarDayTwice, ["date": .text(date.description)]), at: date.span, label: Message(.diagSecondEntry), help: Message(.diagCalendarDayTwiceHelp), notes: [.init(Message(.diagFirstListedHere), at: first)]))
                        continue
                    }
                    seenDates[date.description] = date.span
                    if entry.source.value.trimmingCharacters(in: .whitespaces).isEmpty {
                        report(Diagnostic(.invalidCalendarEntry, Message(.diagCalendarNoSource, ["date": .text(date.description)]), at: entry.source.span, label: Message(.diagEmptySource), help: Message(.diagCalendarNoSourceHelp)))
                    }
                    calendarRows.append(CalendarRow(date: date.description, kind: isWorkday ? "workday" : "day_off", source: entry.source.value, position: position(entry.span)))
                }
            }
        }
        calendarRows.sort { $0.date < $1.date }
        calendarYears.sort { $0.year < $1.year }
    }
}
