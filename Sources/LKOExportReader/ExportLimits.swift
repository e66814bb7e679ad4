/// Bounds on what one export may make the reader do. A ПОС export comes from outside and is
/// treated as hostile: every size the file declares is checked against what is actually read,
/// and every limit is an explicit, reported refusal — never a crash, never unbounded memory.
public struct ExportLimits: Sendable, Equatable {
    /// The file as given (compressed xlsx or CSV).
    public var maximumFileBytes: Int = 256 << 20
    /// One decompressed part of the xlsx (the sheet XML of 100 000 rows is ≈ 60–120 MiB).
    public var maximumPartBytes: Int = 768 << 20
    /// All the parts read, decompressed.
    public var maximumTotalBytes: Int = 1 << 30
    /// Decompressed ÷ compressed, for parts above ``ratioFloorBytes``: a zip bomb's ratio is in
    /// the thousands; real sheet XML compresses 5–30×, a sheet of repeated empty cells ≈ 100×.
    public var maximumRatio: Int = 250
    public var ratioFloorBytes: Int = 1 << 20
    /// Entries in the zip directory.
    public var maximumEntries: Int = 4096
    /// The shared-string table: count and total length in bytes.
    public var maximumSharedStrings: Int = 2_000_000
    public var maximumSharedStringBytes: Int = 256 << 20
    /// One cell's text, in bytes (Excel's own limit is 32 767 characters).
    public var maximumCellBytes: Int = 32_767 * 3
    /// Rows and columns of the sheet (Excel's own limits); columns past ``keptColumns`` are
    /// dropped (no known export has more than 25).
    public var maximumRows: Int = 1_048_576
    public var maximumColumns: Int = 16_384
    public var keptColumns: Int = 256
    /// Nesting depth of XML elements.
    public var maximumDepth: Int = 64

    public init() {}
}
