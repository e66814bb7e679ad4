/// Why an export could not be read at all (a bad row is not this: rows are checked one by one
/// later). Messages are for people, in Russian.
public enum ExportReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileTooLarge(bytes: Int, limit: Int)
    case notAnExport(String)
    case zip(String)
    case partTooLarge(part: String, limit: Int)
    case zipBomb(part: String, compressed: Int, ratio: Int)
    case totalTooLarge(limit: Int)
    case missingPart(String)
    case doctypeRefused(part: String)
    case malformedXML(part: String, offset: Int, reason: String)
    case tooManySharedStrings(limit: Int)
    case sharedStringIndex(row: Int, column: Int, index: Int)
    case cellTooLong(part: String, limit: Int)
    case tooManyRows(limit: Int)
    case encoding(String)

    public var description: String {
        switch self {
        case .fileTooLarge(let bytes, let limit): "Файл слишком велик: \(bytes) байт (предел \(limit))."
        case .notAnExport(let why): "Это не выгрузка ПОС (.xlsx или .csv): \(why)."
        case .zip(let why): "Повреждённый архив xlsx: \(why)."
        case .partTooLarge(let part, let limit): "Часть «\(part)» после распаковки больше \(limit) байт — файл отклонён."
        case .zipBomb(let part, let compressed, let ratio): "Часть «\(part)» распаковывается более чем в \(ratio) раз (сжато \(compressed) байт) — похоже на zip-бомбу, файл отклонён."
        case .totalTooLarge(let limit): "Распакованный файл больше \(limit) байт — файл отклонён."
        case .missingPart(let part): "В файле xlsx нет части «\(part)»."
        case .doctypeRefused(let part): "В части «\(part)» есть объявление DOCTYPE/ENTITY: внешние сущности и DTD не допускаются, файл отклонён."
        case .malformedXML(let part, let offset, let reason): "Ошибка XML в «\(part)» (байт \(offset)): \(reason)."
        case .tooManySharedStrings(let limit): "Таблица общих строк больше допустимого (\(limit) строк или байт) — файл отклонён."
        case .sharedStringIndex(let row, let column, let index): "Строка \(row), столбец \(column): ссылка на несуществующую общую строку \(index)."
        case .cellTooLong(let part, let limit): "В «\(part)» есть ячейка длиннее \(limit) байт — файл отклонён."
        case .tooManyRows(let limit): "Больше \(limit) строк — файл отклонён."
        case .encoding(let why): "Кодировка: \(why)."
        }
    }
}
