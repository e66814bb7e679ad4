import LKOCalendar
import LKOCompiler
import LKOExportReader

/// One row of an export, read and checked, before it is matched to the policy.
public struct ExportRecord: Sendable, Equatable {
    public var row: Int
    public var number: String
    public var epguNumber: String?
    public var source: String?
    public var category: String?
    public var subcategory: String?
    public var fact: String?
    public var received: CalendarDate?
    public var planned: CalendarDate?
    public var actual: CalendarDate?
    public var stage: String?
    public var status: String?
    public var overdueFlag: Bool?
    public var fastTrack: Bool?
    public var regime: Regime?
    public var decisionType: String?
    public var rating: String?
    public var reexamination: Bool?
    public var coordinator: String?
    public var executor: String?
    public var manager: String?

    public init(row: Int, number: String) {
        self.row = row
        self.number = number
    }

    /// Statuses after which the organization has nothing more to do (domain.md).
    static let closingStatuses: Set<String> = [
        "отправлен ответ заявителю", "отклонено модератором", "направлено в подведомственную организацию",
        "передано в вышестоящую организацию", "решено", "завершено",
    ]

    /// Open: no actual completion date, the stage is not «Завершено», the status is not a final
    /// one. «Перенос срока обработки утвержден. Отправлен ответ Заявителю» is an interim answer
    /// with an extended term: still open.
    public var isOpen: Bool {
        if actual != nil { return false }
        if let stage, TextKey.normalized(stage) == "завершено" { return false }
        if let status {
            let key = TextKey.normalized(status)
            if Self.closingStatuses.contains(key) || key.hasPrefix("перенаправлено") { return false }
        }
        return true
    }

    /// The term was extended (an appeal's once, by up to 30 days).
    public var isExtended: Bool {
        status.map { TextKey.normalized($0).contains("перенос срока") } ?? false
    }

    /// Overdue on `day`: open and its planned date before `day` (docs/pos.md).
    public func isOverdue(on day: CalendarDate) -> Bool {
        guard isOpen, let planned else { return false }
        return planned < day
    }
}

/// A problem with one row: it is reported with the row number and the rest of the file goes in.
public struct RowIssue: Sendable, Equatable, Codable {
    public var row: Int
    public var number: String?
    public var message: String
    /// An error keeps the row out of the checks that need the field; a warning does not.
    public var isError: Bool

    public init(row: Int, number: String?, message: String, isError: Bool = true) {
        self.row = row
        self.number = number
        self.message = message
        self.isError = isError
    }
}

/// Grid → records: header by name, values by the conventions of docs/pos.md.
public enum ExportParser {
    public struct Result: Sendable {
        public var columns: ColumnMap
        public var records: [ExportRecord]
        public var issues: [RowIssue]
        public var emptyRows: Int
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noHeader
        public var description: String {
            "В первых 20 строках нет заголовка с колонкой «Номер» и колонкой «Категория» или «Подкатегория»: это не выгрузка ПОС (или в ней нет классификации)."
        }
    }

    public static func parse(_ grid: SheetGrid, progress: ((Int, Int) -> Void)? = nil) throws(Failure) -> Result {
        guard let columns = ColumnMap.locate(in: grid.rows.prefix(20).map { ($0.number, $0.cells) }) else { throw .noHeader }
        var records: [ExportRecord] = []
        records.reserveCapacity(grid.rows.count)
        var issues: [RowIssue] = []
        var seen: [String: Int] = [:]
        var empty = 0
        let total = grid.rows.count
        let index = columns.index
        var dateCache: [String: CalendarDate?] = [:]
        for (position, row) in grid.rows.enumerated() where row.number > columns.headerRow {
            if position % 4096 == 0 { progress?(position, total) }
            func cell(_ column: ExportColumn) -> String? {
                guard let at = index[column], at < row.cells.count else { return nil }
                return TextKey.value(row.cells[at])
            }
            if row.cells.allSatisfy({ TextKey.isEmptyValue($0) }) {
                empty += 1
                continue
            }
            guard let number = cell(.number) else {
                issues.append(RowIssue(row: row.number, number: nil, message: "нет номера («Номер»): строка пропущена"))
                continue
            }
            if let first = seen[number] {
                issues.append(RowIssue(row: row.number, number: number, message: "номер \(number) уже был в строке \(first): повтор пропущен"))
                continue
            }
            seen[number] = row.number
            var record = ExportRecord(row: row.number, number: number)
            record.epguNumber = cell(.epguNumber)
            record.source = cell(.source)
            record.category = cell(.category)
            record.subcategory = cell(.subcategory)
            record.fact = cell(.fact)
            func date(_ column: ExportColumn) -> CalendarDate? {
                guard let text = cell(column) else { return nil }
                if let cached = dateCache[text] {
                    if cached == nil { issues.append(RowIssue(row: row.number, number: number, message: "«\(column.title)»: «\(text)» — не дата (ожидается ДД.ММ.ГГГГ)")) }
                    return cached
                }
                let parsed = ExportDate.parse(text, date1904: grid.date1904)
                if dateCache.count < 100_000 { dateCache[text] = parsed }
                if parsed == nil { issues.append(RowIssue(row: row.number, number: number, message: "«\(column.title)»: «\(text)» — не дата (ожидается ДД.ММ.ГГГГ)")) }
                return parsed
            }
            record.received = date(.received)
            record.planned = date(.planned)
            record.actual = date(.actual)
            record.stage = cell(.stage)
            record.status = cell(.status)
            record.overdueFlag = cell(.overdue).flatMap(yesNo)
            record.fastTrack = cell(.fastTrack).flatMap(yesNo)
            record.decisionType = cell(.decisionType)
            record.rating = cell(.rating)
            record.reexamination = cell(.reexamination).flatMap(yesNo)
            record.coordinator = cell(.coordinator)
            record.executor = cell(.executor)
            record.manager = cell(.manager)
            let byLaw = cell(.law).flatMap(regime(law:))
            let byChoice = cell(.chose59).flatMap(yesNo).map { $0 ? Regime.appeal : Regime.message }
            if let byLaw, let byChoice, byLaw != byChoice {
                issues.append(RowIssue(row: row.number, number: number, message: "«ФЗ» и «Заявитель выбрал подачу по 59-ФЗ» противоречат друг другу; принято по «ФЗ»", isError: false))
            }
            record.regime = byLaw ?? byChoice
            if record.received != nil, record.planned != nil, record.planned! < record.received! {
                issues.append(RowIssue(row: row.number, number: number, message: "дата планируемого завершения раньше даты поступления", isError: false))
            }
            records.append(record)
        }
        progress?(total, total)
        return Result(columns: columns, records: records, issues: issues, emptyRows: empty)
    }

    static func yesNo(_ text: String) -> Bool? {
        switch TextKey.normalized(text) {
        case "да", "true", "1", "yes": true
        case "нет", "false", "0", "no": false
        default: nil
        }
    }

    /// «Обращение по 59-ФЗ» → appeal; «Обычное сообщение» → message.
    static func regime(law text: String) -> Regime? {
        let key = TextKey.normalized(text)
        if key.contains("59") || key.hasPrefix("обращение") { return .appeal }
        if key.contains("сообщение") { return .message }
        return nil
    }
}

/// Dates as exports write them: a serial number (Excel's 1900 or 1904 system; a time fraction
/// ignored), `DD.MM.YYYY` (with an optional time), or `YYYY-MM-DD`.
public enum ExportDate {
    public static func parse(_ text: String, date1904: Bool = false) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), bytes.first != 0x2E, let serial = Double(trimmed), bytes.filter({ $0 == 0x2E }).count <= 1 {
            guard serial >= 1, serial < 2_958_466 else { return nil }
            let whole = Int(serial)
            // 1900 system: serial 60 is the fictitious 29.02.1900; day 0 is 30.12.1899 from 61 on.
            let base = date1904 ? CalendarDate(year: 1904, month: 1, day: 1)! : CalendarDate(year: 1899, month: 12, day: 30)!
            let days = date1904 ? whole : (whole < 61 ? whole + 1 : whole)
            return base.adding(days: days)
        }
        let datePart = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? trimmed
        let datePartT = datePart.split(separator: "T", maxSplits: 1).first.map(String.init) ?? datePart
        if datePartT.contains(".") {
            let parts = datePartT.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), var year = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else { return nil }
            if parts[2].count == 2 { year += 2000 }
            return CalendarDate(year: year, month: month, day: day)
        }
        if datePartT.count == 10 { return CalendarDate(iso: datePartT) }
        return nil
    }
}
