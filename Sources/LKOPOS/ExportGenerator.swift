import LKOCalendar
import LKOCompiler
import LKOExportReader

/// Realistic ПОС exports for tests and measurements: the 25 columns, the policy's Russian
/// titles, ФИО of the accounts, dates on the production calendar, ПОС's status texts, some
/// overdue, some fast-track — and, with `messy`, what real files do: a merged title row above
/// the header, extra spaces, ё written as е, an empty row, a date as text, a «-» for empty.
public struct ExportGenerator {
    public struct Options: Sendable {
        public var rows: Int = 200
        public var seed: UInt64 = 78
        public var asOf: CalendarDate = CalendarDate(iso: "2026-03-16")!
        /// How far back «Дата поступления» goes.
        public var days: Int = 60
        public var messy: Bool = true
        /// Share of rows (in percent) that depart from the policy (wrong executor, planned date).
        public var driftPercent: Int = 5

        public init() {}
    }

    public let policy: CompiledPolicy
    public let calendar: ProductionCalendar
    /// login → full name.
    public let names: [String: String]

    public init(policy: CompiledPolicy, calendar: ProductionCalendar, names: [String: String]) {
        self.policy = policy
        self.calendar = calendar
        self.names = names
    }

    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// The header and the rows as text (a date is `DD.MM.YYYY`, or a serial number when
    /// `serialDates` and the cell is a date).
    public func table(_ options: Options, serialDates: Bool = false) -> (header: [String], rows: [[XLSXWriter.Cell]]) {
        var random = Random(state: options.seed)
        let lens = PolicyLens(policy: policy)
        let calculator = DeadlineCalculator(calendar: calendar)
        let subcategories = policy.tables.nodes.filter { $0.path.split(separator: ".").count == 2 }
        let coordinator = policy.tables.grants.first { $0.role == policy.tables.organization.coordinatorRole }.map { names[$0.login] ?? $0.login }
        let managers = policy.tables.grants.filter { $0.role == "manager" }
        let executorsByNode: [String: [String]] = Dictionary(uniqueKeysWithValues: subcategories.map { node in
            (node.path, policy.tables.logins.filter { policy.isExecutor($0, node: node.index, on: options.asOf) })
        })
        let sources = ["MED_DOC_EPGU", "Виджет ПОС", "ЛК ЕПГУ", "Мобильное приложение Госуслуги"]
        func date(_ day: CalendarDate?) -> XLSXWriter.Cell {
            guard let day else { return XLSXWriter.Cell("-") }
            if serialDates { return XLSXWriter.Cell(String(CalendarDate(year: 1899, month: 12, day: 30)!.days(until: day)), number: true) }
            return XLSXWriter.Cell(RussianDate.text(day))
        }
        var rows: [[XLSXWriter.Cell]] = []
        rows.reserveCapacity(options.rows + 3)
        for index in 0..<options.rows {
            let node = subcategories[random.below(subcategories.count)]
            let category = policy.tables.nodes[node.parent ?? 0]
            var factTitle = "-"
            let facts = policy.tables.nodes.filter { $0.parent == node.index }
            if !facts.isEmpty { factTitle = facts[random.below(facts.count)].title }
            let regime: Regime = random.chance(25) ? .appeal : .message
            let source = node.path == "health.doctor_appointment" && random.chance(70) ? "MED_DOC_EPGU" : sources[1 + random.below(3)]
            var received = options.asOf.adding(days: -random.below(options.days))
            while !((try? calendar.isWorkingDay(received)) ?? true), random.chance(80) { received = received.adding(days: -1) }
            let routing = lens.route(node: node.path, regime: regime, source: source)
            let fastTrack = routing.match?.kind == "fasttrack"
            var term = regime == .appeal ? node.appealTerm : node.messageTerm
            if fastTrack, let ruleTerm = routing.match?.rule.term { term = ruleTerm }
            var planned = (try? calculator.deadline(entry: received, term: term.calendarTerm, endRule: policy.deadlineEndRule).date) ?? received.adding(days: term.days)
            let drift = random.chance(options.driftPercent)
            if drift, random.chance(50) { planned = planned.adding(days: 3) }
            var executorLogin = routing.match?.rule.assignee
            var coordinatorName = "-"
            if executorLogin == nil || random.chance(10) {
                coordinatorName = coordinator ?? "-"
                let candidates = executorsByNode[node.path] ?? []
                executorLogin = candidates.isEmpty ? nil : candidates[random.below(candidates.count)]
            }
            if drift, random.chance(50), let other = policy.tables.logins.randomElement(using: &random) { executorLogin = other; coordinatorName = "-" }
            // Closed, open, overdue.
            let closed = planned < options.asOf ? random.chance(85) : random.chance(30)
            var actual: CalendarDate?
            var status: String, stage: String
            if closed {
                let span = max(1, received.days(until: min(planned, options.asOf)))
                actual = received.adding(days: 1 + random.below(span))
                if random.chance(4) {
                    status = "Отклонено модератором"
                } else if random.chance(3) {
                    status = "Направлено в подведомственную организацию"
                } else {
                    status = "Отправлен ответ заявителю"
                }
                stage = "Завершено"
            } else {
                status = random.chance(15) && regime == .appeal ? "Перенос срока обработки утвержден. Отправлен ответ Заявителю" : (executorLogin == nil ? "Поступило в организацию" : "Назначен исполнитель")
                stage = "В работе"
            }
            let managerGrant = managers.first { grant in grant.nodes.contains { node.path == $0 || node.path.hasPrefix($0 + ".") } }
            let overdue = (actual.map { $0 > planned } ?? (planned < options.asOf)) ? "Да" : "Нет"
            var categoryTitle = category.title, subcategoryTitle = node.title
            var executorName = executorLogin.map { names[$0] ?? $0 } ?? "-"
            if options.messy {
                if random.chance(5) { subcategoryTitle = "  " + subcategoryTitle.replacingOccurrences(of: " ", with: "  ") + " " }
                if random.chance(3) { categoryTitle = categoryTitle.uppercased() }
                if random.chance(5) { executorName = executorName.replacingOccurrences(of: "ё", with: "е") }
            }
            var receivedCell = date(received)
            if options.messy, serialDates, random.chance(2) { receivedCell = XLSXWriter.Cell(RussianDate.text(received)) }
            let row: [XLSXWriter.Cell] = [
                XLSXWriter.Cell(String(2026_000_000 + Int(options.seed % 1000) * 100_000 + index)),
                XLSXWriter.Cell(String(5_000_000_000 + index * 7)),
                XLSXWriter.Cell(source),
                XLSXWriter.Cell("Тверская область"),
                XLSXWriter.Cell(categoryTitle),
                XLSXWriter.Cell(subcategoryTitle),
                XLSXWriter.Cell(factTitle),
                XLSXWriter.Cell(policy.tables.organization.title),
                XLSXWriter.Cell(policy.tables.organization.title),
                receivedCell,
                date(planned),
                date(actual),
                XLSXWriter.Cell(stage),
                XLSXWriter.Cell(status),
                XLSXWriter.Cell(overdue),
                XLSXWriter.Cell(fastTrack ? "Да" : "Нет"),
                XLSXWriter.Cell(regime == .appeal ? "Обращение по 59-ФЗ" : "Обычное сообщение"),
                XLSXWriter.Cell(regime == .appeal ? "Да" : "Нет"),
                XLSXWriter.Cell(closed ? (status == "Отправлен ответ заявителю" ? "Решено" : "Разъяснено") : "-"),
                XLSXWriter.Cell("Нет"),
                XLSXWriter.Cell(closed && random.chance(40) ? String(1 + random.below(5)) : "-"),
                XLSXWriter.Cell(random.chance(2) ? "Да" : "Нет"),
                XLSXWriter.Cell(coordinatorName),
                XLSXWriter.Cell(executorName),
                XLSXWriter.Cell(managerGrant.map { names[$0.login] ?? $0.login } ?? "-"),
            ]
            rows.append(row)
            if options.messy, index == options.rows / 2 { rows.append([]) }
        }
        return (ExportColumn.allCases.map(\.title), rows)
    }

    /// An .xlsx export; with `messy`, a merged title row above the header.
    public func xlsx(_ options: Options) throws -> [UInt8] {
        let (header, rows) = table(options, serialDates: true)
        var all: [[XLSXWriter.Cell]] = []
        var merged: [String] = []
        if options.messy {
            all.append([XLSXWriter.Cell("Выгрузка сообщений на \(RussianDate.text(options.asOf))")])
            merged.append("A1:\(XLSXWriter.columnName(header.count - 1))1")
        }
        all.append(header.map { XLSXWriter.Cell(options.messy && $0 == "Дата поступления" ? "Дата\nпоступления" : $0) })
        all += rows
        return Array(try XLSXWriter.write(rows: all, merged: merged))
    }

    /// A CSV export as a Russian Excel writes it: `;`, CRLF, UTF-8 with a BOM.
    public func csv(_ options: Options) -> [UInt8] {
        let (header, rows) = table(options)
        func field(_ text: String) -> String {
            text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var text = "\u{FEFF}" + header.map(field).joined(separator: ";") + "\r\n"
        for row in rows { text += row.map { field($0.text) }.joined(separator: ";") + "\r\n" }
        return Array(text.utf8)
    }
}

extension Array {
    func randomElement(using random: inout ExportGenerator.Random) -> Element? {
        isEmpty ? nil : self[random.below(count)]
    }
}
