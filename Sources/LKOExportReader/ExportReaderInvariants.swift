/// What must hold for any input to the export reader, whatever the bytes: it returns a grid or
/// a reported ``ExportReaderError`` (a crash, a trap or a hang is a bug), rows are in strictly
/// increasing order, no cell exceeds the cell limit, no row exceeds the kept columns. The libFuzzer
/// target (`Sources/LKOExportFuzz`) and the regression tests (`Tests/LKOPOSTests`) both call this.
public enum ExportReaderInvariants {
    /// Small limits, so that one execution stays fast and a limit is actually reached.
    public static let fuzzLimits: ExportLimits = {
        var limits = ExportLimits()
        limits.maximumFileBytes = 1 << 20
        limits.maximumPartBytes = 4 << 20
        limits.maximumTotalBytes = 8 << 20
        limits.ratioFloorBytes = 64 << 10
        limits.maximumSharedStrings = 10_000
        limits.maximumSharedStringBytes = 1 << 20
        limits.maximumCellBytes = 4096
        limits.maximumRows = 10_000
        limits.keptColumns = 64
        return limits
    }()

    public static func problems(_ bytes: [UInt8], limits: ExportLimits = fuzzLimits) -> [String] {
        var problems: [String] = []
        func check(_ grid: SheetGrid, _ reader: String) {
            var previous = 0
            for row in grid.rows {
                if row.number <= previous { problems.append("\(reader): row \(row.number) after \(previous)") }
                previous = row.number
                if row.cells.count > limits.keptColumns { problems.append("\(reader): row \(row.number) has \(row.cells.count) cells") }
                for cell in row.cells where cell.utf8.count > limits.maximumCellBytes * 3 + 16 {
                    problems.append("\(reader): row \(row.number) has a cell of \(cell.utf8.count) bytes")
                }
            }
        }
        if let grid = try? ExportReader.read(bytes, limits: limits) { check(grid, "auto") }
        if let grid = try? CSVReader(limits: limits).read(bytes) { check(grid, "csv") }
        if let grid = try? XLSXReader(limits: limits).read(bytes) { check(grid, "xlsx") }
        // The XML layer alone, on the bytes as a sheet part (most fuzz inputs are not zips).
        var reader = WorksheetReader(scanner: XMLScanner(bytes: bytes, part: "fuzz", maximumDepth: limits.maximumDepth), shared: ["a", "b"], limits: limits)
        if let (rows, _) = try? reader.read() { check(SheetGrid(format: .xlsx, rows: rows), "sheet") }
        _ = try? SharedStrings.read(bytes, part: "fuzz", limits: limits)
        return problems
    }
}
