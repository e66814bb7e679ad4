/// The columns of a ПОС export («Выгрузка»), by their header text. Exports of different kinds
/// carry different sets in different orders: columns are found by name, never by position.
public enum ExportColumn: String, CaseIterable, Sendable, Codable {
    case number = "Номер"
    case epguNumber = "Номер ЕПГУ"
    case source = "Источник"
    case topLevelLKO = "Верхнеуровневый ЛКО"
    case category = "Категория"
    case subcategory = "Подкатегория"
    case fact = "Факт"
    case organizationReceived = "Организация, в которую поступило сообщение"
    case organizationHolding = "Организация, в которой находится сообщение"
    case received = "Дата поступления"
    case planned = "Дата планируемого завершения работ"
    case actual = "Дата фактического завершения работ"
    case stage = "Стадия"
    case status = "Статус"
    case overdue = "Просрочено"
    case fastTrack = "Фаст-трек"
    case law = "ФЗ"
    case chose59 = "Заявитель выбрал подачу по 59-ФЗ"
    case decisionType = "Тип решения"
    case emailToFOIV = "Направлено по email в ФОИВ, не подключенный к ПОС"
    case rating = "Оценка ответа заявителем"
    case reexamination = "Повторное рассмотрение"
    case coordinator = "ФИО координатора"
    case executor = "ФИО исполнителя"
    case manager = "ФИО руководителя"

    /// The header text as written in the export.
    public var title: String { rawValue }

    /// What lko cannot do without this column (shown when an export lacks it).
    public var disables: String {
        switch self {
        case .number: "импорт невозможен: строки не различить"
        case .category, .subcategory: "сопоставление с деревом категорий политики"
        case .fact: "уточнение до факта (правила по фактам)"
        case .source: "проверка фаст-треков и автоправил с условием по источнику"
        case .received: "проверка сроков (день 0 — дата поступления) и отбор по периоду"
        case .planned: "сверка срока с календарём, «Мониторинг» (сегодня, под угрозой, просрочено)"
        case .actual: "датировка закрытия; без неё закрытие определяется только по статусу и стадии"
        case .stage, .status: "определение открытых и закрытых; события смены статуса"
        case .fastTrack: "проверка фаст-треков"
        case .law, .chose59: "вид (обращение или сообщение): сроки и правила по виду"
        case .coordinator: "различение решения Координатора и автоправила"
        case .executor: "проверка прав исполнителя, автоправил, «Мониторинг» по исполнителям"
        case .manager: "события смены руководителя"
        case .overdue: "сверка флага «Просрочено» ПОС (просрочка считается по датам)"
        case .epguNumber, .topLevelLKO, .organizationReceived, .organizationHolding, .decisionType, .emailToFOIV, .rating, .reexamination:
            "только хранение (на проверки не влияет)"
        }
    }

    /// Columns without which the export is refused.
    public static let required: [ExportColumn] = [.number]
}

/// Where each known column is in one export, and which are missing.
public struct ColumnMap: Sendable, Equatable {
    public var headerRow: Int
    public var index: [ExportColumn: Int]
    /// Headers that are not known columns (kept out; listed in the report).
    public var unknownHeaders: [String]

    public var missing: [ExportColumn] { ExportColumn.allCases.filter { index[$0] == nil } }
    public func has(_ column: ExportColumn) -> Bool { index[column] != nil }

    /// Finds the header row among the first rows: the first that names «Номер» and a
    /// classification column (a title row above it, merged across the sheet, is skipped).
    public static func locate(in rows: [(number: Int, cells: [String])], searchRows: Int = 20) -> ColumnMap? {
        let titles = Dictionary(uniqueKeysWithValues: ExportColumn.allCases.map { (TextKey.header($0.rawValue), $0) })
        for (position, row) in rows.prefix(searchRows).enumerated() {
            var index: [ExportColumn: Int] = [:]
            var unknown: [String] = []
            for (column, cell) in row.cells.enumerated() {
                let key = TextKey.header(cell)
                guard !key.isEmpty else { continue }
                if let known = titles[key] {
                    if index[known] == nil { index[known] = column }
                } else {
                    unknown.append(cell.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
            if index[.number] != nil, index[.category] != nil || index[.subcategory] != nil {
                _ = position
                return ColumnMap(headerRow: row.number, index: index, unknownHeaders: unknown)
            }
        }
        return nil
    }
}
