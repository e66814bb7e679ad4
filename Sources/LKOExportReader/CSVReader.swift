import Foundation

/// Reads a CSV export: UTF-8 (with or without a BOM) or Windows-1251 (what a Russian Excel
/// writes), fields separated by `;`, `,` or a tab (whichever the first line uses most),
/// RFC 4180 quoting. Row numbers are the lines records start on.
public struct CSVReader: Sendable {
    public let limits: ExportLimits

    public init(limits: ExportLimits = ExportLimits()) {
        self.limits = limits
    }

    public func read(_ data: [UInt8]) throws(ExportReaderError) -> SheetGrid {
        guard data.count <= limits.maximumFileBytes else { throw .fileTooLarge(bytes: data.count, limit: limits.maximumFileBytes) }
        var bytes = data
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
        if bytes.contains(0) { throw .notAnExport("в тексте есть нулевые байты (это не CSV)") }
        if String(validating: bytes, as: UTF8.self) == nil {
            guard let text = String(data: Data(bytes), encoding: .windowsCP1251) else { throw .encoding("ни UTF-8, ни Windows-1251") }
            bytes = Array(text.utf8)
        }
        let separator = Self.separator(bytes)
        var rows: [SheetGrid.Row] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var index = 0
        var fieldStarted = false
        func endField() throws(ExportReaderError) {
            guard field.count <= limits.maximumCellBytes else { throw .cellTooLong(part: "CSV", limit: limits.maximumCellBytes) }
            if cells.count < limits.keptColumns { cells.append(String(decoding: field, as: UTF8.self)) }
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() throws(ExportReaderError) {
            try endField()
            guard rows.count < limits.maximumRows else { throw .tooManyRows(limit: limits.maximumRows) }
            if cells.count == 1, cells[0].isEmpty { cells = [] }
            rows.append(SheetGrid.Row(number: recordLine, cells: cells))
            cells = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\""), !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if byte == separator {
                try endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                try endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(byte)
                fieldStarted = true
            }
            if field.count > limits.maximumCellBytes { throw .cellTooLong(part: "CSV", limit: limits.maximumCellBytes) }
            index += 1
        }
        if !field.isEmpty || !cells.isEmpty || fieldStarted { try endRecord() }
        return SheetGrid(format: .csv, rows: rows)
    }

    static func separator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, 0x09: 0]
        var quoted = false
        for byte in bytes.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ";") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ";") ? 1 : 0) }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ";")
    }
}
