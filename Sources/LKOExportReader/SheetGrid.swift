/// The first worksheet of an export as text cells: what both the xlsx and the CSV reader give.
public struct SheetGrid: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case xlsx, csv
    }

    public struct Row: Sendable, Equatable {
        /// The row number as the spreadsheet shows it (1-based; for CSV, the line a record starts on).
        public var number: Int
        /// Cell texts by column (A = 0); missing cells are empty strings.
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public var format: Format
    public var rows: [Row]
    /// The workbook counts dates from 1904 (old Mac Excel) rather than 1900.
    public var date1904: Bool
    /// The worksheet's name, when the file has one.
    public var sheetName: String?
    /// Merged ranges of the sheet (`A1:Y1`), as written.
    public var mergedRanges: [String]

    public init(format: Format, rows: [Row], date1904: Bool = false, sheetName: String? = nil, mergedRanges: [String] = []) {
        self.format = format
        self.rows = rows
        self.date1904 = date1904
        self.sheetName = sheetName
        self.mergedRanges = mergedRanges
    }
}

/// Reads an export, choosing the reader by content: a zip (`PK\u{3}\u{4}`) is an xlsx, anything
/// else is tried as CSV.
public enum ExportReader {
    public static func read(_ data: [UInt8], limits: ExportLimits = ExportLimits()) throws(ExportReaderError) -> SheetGrid {
        guard data.count <= limits.maximumFileBytes else { throw .fileTooLarge(bytes: data.count, limit: limits.maximumFileBytes) }
        if data.count >= 4, data[0] == 0x50, data[1] == 0x4B, data[2] == 0x03 || data[2] == 0x05, data[3] == 0x04 || data[3] == 0x06 {
            return try XLSXReader(limits: limits).read(data)
        }
        return try CSVReader(limits: limits).read(data)
    }
}
