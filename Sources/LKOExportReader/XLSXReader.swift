import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx file (Office Open XML, SpreadsheetML): the zip through
/// ``ZipDirectory`` (inflate by ZIPFoundation), every part bounded as it decompresses, then the XML through ``XMLScanner``.
/// Shared strings (`t="s"`), inline strings (`t="inlineStr"`), formula strings, booleans and
/// numbers are read as text; dates stay serial numbers (``SheetGrid/date1904`` says which
/// epoch) — the caller knows which columns hold dates.
public struct XLSXReader: Sendable {
    public let limits: ExportLimits

    public init(limits: ExportLimits = ExportLimits()) {
        self.limits = limits
    }

    public func read(_ data: [UInt8]) throws(ExportReaderError) -> SheetGrid {
        guard data.count <= limits.maximumFileBytes else { throw .fileTooLarge(bytes: data.count, limit: limits.maximumFileBytes) }
        let zip = try ZipDirectory(bytes: data, maximumEntries: limits.maximumEntries)
        let entries = zip.entries
        var budget = limits.maximumTotalBytes
        func part(_ path: String) throws(ExportReaderError) -> [UInt8]? {
            guard let entry = entries[path] else { return nil }
            return try zip.extract(entry, limits: limits, budget: &budget)
        }
        guard let workbook = try part("xl/workbook.xml") else {
            if entries.isEmpty { throw .notAnExport("пустой архив") }
            throw .missingPart("xl/workbook.xml")
        }
        let book = try WorkbookInfo(bytes: workbook, limits: limits)
        var sheetPath = "xl/worksheets/sheet1.xml"
        var sharedPath = "xl/sharedStrings.xml"
        if let rels = try part("xl/_rels/workbook.xml.rels") {
            let targets = try Relationships(bytes: rels, limits: limits)
            if let id = book.firstSheetRelationship, let target = targets.byID[id] { sheetPath = Self.resolve(target) }
            if let target = targets.sharedStrings { sharedPath = Self.resolve(target) }
        }
        let shared = try part(sharedPath).map { bytes throws(ExportReaderError) in try SharedStrings.read(bytes, part: sharedPath, limits: limits) } ?? []
        guard let sheet = try part(sheetPath) else { throw .missingPart(sheetPath) }
        var reader = WorksheetReader(scanner: XMLScanner(bytes: sheet, part: sheetPath, maximumDepth: limits.maximumDepth), shared: shared, limits: limits)
        let (rows, merged) = try reader.read()
        return SheetGrid(format: .xlsx, rows: rows, date1904: book.date1904, sheetName: book.firstSheetName, mergedRanges: merged)
    }

    /// A relationship target relative to `xl/`, or absolute from the package root.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }
}

/// `xl/workbook.xml`: the first sheet and the date system.
struct WorkbookInfo {
    var firstSheetRelationship: String?
    var firstSheetName: String?
    var date1904 = false

    init(bytes: [UInt8], limits: ExportLimits) throws(ExportReaderError) {
        var scanner = XMLScanner(bytes: bytes, part: "xl/workbook.xml", maximumDepth: limits.maximumDepth)
        while true {
            let token = try scanner.next()
            switch token {
            case .eof: return
            case .start(let name, let attributes, _):
                if scanner.nameEquals(name, "workbookPr"), let value = scanner.attribute("date1904", in: attributes) {
                    let text = scanner.string(value)
                    date1904 = text == "1" || text == "true"
                } else if scanner.nameEquals(name, "sheet"), firstSheetRelationship == nil {
                    firstSheetRelationship = scanner.attribute("id", in: attributes).map(scanner.string)
                    firstSheetName = scanner.attribute("name", in: attributes).map { range in
                        var out: [UInt8] = []
                        try? scanner.decode(range, into: &out, limit: 4096)
                        return String(decoding: out, as: UTF8.self)
                    }
                }
            default: continue
            }
        }
    }
}

/// `xl/_rels/workbook.xml.rels`.
struct Relationships {
    var byID: [String: String] = [:]
    var sharedStrings: String?

    init(bytes: [UInt8], limits: ExportLimits) throws(ExportReaderError) {
        var scanner = XMLScanner(bytes: bytes, part: "xl/_rels/workbook.xml.rels", maximumDepth: limits.maximumDepth)
        while true {
            let token = try scanner.next()
            guard token != .eof else { return }
            guard case .start(let name, let attributes, _) = token, scanner.nameEquals(name, "Relationship") else { continue }
            guard let id = scanner.attribute("Id", in: attributes), let target = scanner.attribute("Target", in: attributes) else { continue }
            var text: [UInt8] = []
            try scanner.decode(target, into: &text, limit: 4096)
            let targetText = String(decoding: text, as: UTF8.self)
            byID[scanner.string(id)] = targetText
            if let type = scanner.attribute("Type", in: attributes), scanner.string(type).hasSuffix("/sharedStrings") { sharedStrings = targetText }
        }
    }
}

/// `xl/sharedStrings.xml`: `<si>` items, each the text of its `<t>` elements (rich-text runs
/// joined; phonetic `<rPh>` runs left out).
enum SharedStrings {
    static func read(_ bytes: [UInt8], part: String, limits: ExportLimits) throws(ExportReaderError) -> [String] {
        var scanner = XMLScanner(bytes: bytes, part: part, maximumDepth: limits.maximumDepth)
        var strings: [String] = []
        var total = 0
        var inItem = false, inText = false, phonetic = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        while true {
            let token = try scanner.next()
            switch token {
            case .eof: return strings
            case .start(let name, _, let selfClosing):
                if scanner.nameEquals(name, "si") {
                    inItem = !selfClosing
                    buffer.removeAll(keepingCapacity: true)
                    if selfClosing { strings.append("") }
                } else if scanner.nameEquals(name, "rPh") {
                    if !selfClosing { phonetic += 1 }
                } else if scanner.nameEquals(name, "t") {
                    inText = !selfClosing
                }
            case .end(let name):
                if scanner.nameEquals(name, "si") {
                    inItem = false
                    guard strings.count < limits.maximumSharedStrings else { throw .tooManySharedStrings(limit: limits.maximumSharedStrings) }
                    total += buffer.count
                    guard total <= limits.maximumSharedStringBytes else { throw .tooManySharedStrings(limit: limits.maximumSharedStringBytes) }
                    strings.append(OOXMLText.string(buffer))
                } else if scanner.nameEquals(name, "rPh") {
                    phonetic = max(0, phonetic - 1)
                } else if scanner.nameEquals(name, "t") {
                    inText = false
                }
            case .text(let range):
                if inItem, inText, phonetic == 0 { try scanner.decode(range, into: &buffer, limit: limits.maximumCellBytes) }
            case .cdata(let range):
                if inItem, inText, phonetic == 0 { try scanner.appendLiteral(range, into: &buffer, limit: limits.maximumCellBytes) }
            }
        }
    }
}

/// Text as OOXML stores it: `_xHHHH_` escapes a character XML cannot carry.
enum OOXMLText {
    static func string(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "_")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_"),
               let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += 7
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One worksheet part: `<row>`s of `<c>` cells.
struct WorksheetReader {
    var scanner: XMLScanner
    let shared: [String]
    let limits: ExportLimits

    mutating func read() throws(ExportReaderError) -> ([SheetGrid.Row], [String]) {
        var rows: [SheetGrid.Row] = []
        var merged: [String] = []
        var rowNumber = 0
        var cells: [String] = []
        var inRow = false
        var column = -1
        var cellType: CellType = .number
        var inCell = false, inValue = false, inInline = false, inText = false, phonetic = 0
        var value: [UInt8] = []
        value.reserveCapacity(64)
        let kept = limits.keptColumns

        func finishCell() throws(ExportReaderError) {
            defer { value.removeAll(keepingCapacity: true) }
            guard column >= 0, column < kept else { return }
            let text: String
            switch cellType {
            case .shared:
                let raw = String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard !raw.isEmpty else { return }
                guard let index = Int(raw), index >= 0, index < shared.count else {
                    throw .sharedStringIndex(row: rowNumber, column: column + 1, index: Int(raw) ?? -1)
                }
                text = shared[index]
            case .boolean:
                text = value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
            case .inline, .string, .number, .error:
                text = OOXMLText.string(value)
            }
            guard !text.isEmpty else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
            cells[column] = text
        }

        while true {
            let token = try scanner.next()
            switch token {
            case .eof:
                return (rows, merged)
            case .start(let name, let attributes, let selfClosing):
                let local = scanner.localName(name)
                let length = local.count
                let first = scanner.bytes[local.lowerBound]
                if length == 1, first == UInt8(ascii: "c") {
                    guard inRow else { throw scanner.fail("a cell outside a row") }
                    if let reference = scanner.attribute("r", in: attributes), let parsed = Self.column(of: reference, in: scanner.bytes) {
                        guard parsed < limits.maximumColumns, parsed > column else { throw scanner.fail("cell reference out of order or beyond column XFD") }
                        column = parsed
                    } else {
                        column += 1
                        guard column < limits.maximumColumns else { throw scanner.fail("more than \(limits.maximumColumns) columns") }
                    }
                    cellType = scanner.attribute("t", in: attributes).map { CellType($0.isEmpty ? 0 : scanner.bytes[$0.lowerBound], length: $0.count) } ?? .number
                    value.removeAll(keepingCapacity: true)
                    inCell = !selfClosing
                } else if length == 1, first == UInt8(ascii: "v") {
                    inValue = inCell && !selfClosing
                } else if length == 1, first == UInt8(ascii: "t") {
                    inText = inInline && !selfClosing
                } else if length == 2, scanner.nameEquals(name, "is") {
                    inInline = inCell && !selfClosing
                } else if scanner.nameEquals(name, "rPh") {
                    if !selfClosing { phonetic += 1 }
                } else if scanner.nameEquals(name, "row") {
                    guard !inRow else { throw scanner.fail("a row inside a row") }
                    let declared = scanner.attribute("r", in: attributes).flatMap { Int(scanner.string($0)) }
                    let number = declared ?? rowNumber + 1
                    guard number > rowNumber, number <= limits.maximumRows else { throw scanner.fail("row number out of order or beyond \(limits.maximumRows)") }
                    guard rows.count < limits.maximumRows else { throw .tooManyRows(limit: limits.maximumRows) }
                    rowNumber = number
                    column = -1
                    cells = []
                    inRow = !selfClosing
                    if selfClosing { rows.append(SheetGrid.Row(number: rowNumber, cells: [])) }
                } else if scanner.nameEquals(name, "mergeCell"), merged.count < 10_000, let reference = scanner.attribute("ref", in: attributes), reference.count <= 32 {
                    merged.append(scanner.string(reference))
                }
            case .end(let name):
                let local = scanner.localName(name)
                let first = scanner.bytes[local.lowerBound]
                if local.count == 1, first == UInt8(ascii: "c") {
                    if inCell { try finishCell() }
                    inCell = false
                    inValue = false
                    inInline = false
                } else if local.count == 1, first == UInt8(ascii: "v") {
                    inValue = false
                } else if local.count == 1, first == UInt8(ascii: "t") {
                    inText = false
                } else if scanner.nameEquals(name, "is") {
                    inInline = false
                } else if scanner.nameEquals(name, "rPh") {
                    phonetic = max(0, phonetic - 1)
                } else if scanner.nameEquals(name, "row") {
                    rows.append(SheetGrid.Row(number: rowNumber, cells: cells))
                    inRow = false
                }
            case .text(let range):
                if (inValue && !inInline) || (inText && phonetic == 0) {
                    try scanner.decode(range, into: &value, limit: limits.maximumCellBytes)
                }
            case .cdata(let range):
                if (inValue && !inInline) || (inText && phonetic == 0) {
                    try scanner.appendLiteral(range, into: &value, limit: limits.maximumCellBytes)
                }
            }
        }
    }

    enum CellType {
        case shared, inline, string, boolean, number, error

        /// `s` shared, `str` formula string, `inlineStr`, `b`, `e`, `n` (or none): a number.
        init(_ first: UInt8, length: Int) {
            switch first {
            case UInt8(ascii: "s"): self = length == 1 ? .shared : .string
            case UInt8(ascii: "i"): self = .inline
            case UInt8(ascii: "b"): self = .boolean
            case UInt8(ascii: "e"): self = .error
            default: self = .number
            }
        }
    }

    /// The zero-based column of a reference like `AB12`, or nil.
    static func column(of range: Range<Int>, in bytes: [UInt8]) -> Int? {
        var column = 0
        var letters = 0
        for index in range {
            let byte = bytes[index] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}
