import LKOCalendar

/// The daily «Мониторинг» (order item 13) from a snapshot: per executor, what is open, due
/// today, at risk (due within the next two working days) and overdue.
public struct MonitorReport: Sendable, Codable, Equatable {
    public struct Line: Sendable, Codable, Equatable {
        public var person: String
        public var login: String?
        public var open: Int
        public var dueToday: Int
        public var atRisk: Int
        public var overdue: Int
        /// The overdue and due-today numbers, most urgent first.
        public var urgent: [String]

        enum CodingKeys: String, CodingKey {
            case person, login, open
            case dueToday = "due_today"
            case atRisk = "at_risk"
            case overdue, urgent
        }
    }

    public var snapshot: SnapshotInfo
    public var day: String
    public var lines: [Line]
    public var totals: Line
}

public enum Monitor {
    public static let unassigned = "Не назначен (у Координатора)"

    public static func build(_ rows: [SnapshotRow], snapshot: SnapshotInfo, day: CalendarDate, calendar: ProductionCalendar, names: [String: String]) -> MonitorReport {
        // The end of "at risk": two working days after the day.
        var horizon = day
        var counted = 0
        while counted < 2 {
            horizon = horizon.adding(days: 1)
            if (try? calendar.isWorkingDay(horizon)) ?? !horizon.isWeekend { counted += 1 }
            if horizon.days(until: day) < -30 { break }
        }
        var lines: [String: MonitorReport.Line] = [:]
        var urgency: [String: [(CalendarDate, String)]] = [:]
        var totals = MonitorReport.Line(person: "Итого", login: nil, open: 0, dueToday: 0, atRisk: 0, overdue: 0, urgent: [])
        for row in rows where row.record.isOpen {
            let record = row.record
            let person = row.executorLogin.flatMap { names[$0] } ?? record.executor ?? unassigned
            var line = lines[person] ?? MonitorReport.Line(person: person, login: row.executorLogin, open: 0, dueToday: 0, atRisk: 0, overdue: 0, urgent: [])
            line.open += 1
            totals.open += 1
            if let planned = record.planned {
                if planned < day {
                    line.overdue += 1
                    totals.overdue += 1
                    urgency[person, default: []].append((planned, record.number))
                } else if planned == day {
                    line.dueToday += 1
                    totals.dueToday += 1
                    urgency[person, default: []].append((planned, record.number))
                } else if planned <= horizon {
                    line.atRisk += 1
                    totals.atRisk += 1
                }
            }
            lines[person] = line
        }
        let ordered = lines.values.map { line -> MonitorReport.Line in
            var line = line
            line.urgent = (urgency[line.person] ?? []).sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(20).map(\.1)
            return line
        }.sorted { ($0.person == unassigned ? 1 : 0, $0.person) < ($1.person == unassigned ? 1 : 0, $1.person) }
        return MonitorReport(snapshot: snapshot, day: day.description, lines: ordered, totals: totals)
    }
}
