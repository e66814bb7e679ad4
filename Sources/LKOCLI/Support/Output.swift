import ArgumentParser
import Foundation
import LKOApplication
import LKOMessages

/// The one machine-output switch: `--format text|json|csv|markdown` (each command accepts the
/// ones that make sense for it).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, csv, markdown
}

/// `--csv-dialect excel|rfc4180`: Excel (a BOM, `;`, CRLF) is the default in Russian, RFC 4180
/// (`,`, CRLF, no BOM) in English.
enum CSVDialect: String, ExpressibleByArgument, CaseIterable, Sendable {
    case excel, rfc4180

    static var `default`: CSVDialect { Language.current == .ru ? .excel : .rfc4180 }

    var separator: String { self == .excel ? ";" : "," }

    func field(_ value: String) -> String {
        var value = value
        // Excel reads a leading = + - @ as a formula: protect it (CSV injection).
        if self == .excel, let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        let needsQuotes = value.contains(where: { String($0) == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// The whole file: a BOM for Excel, CRLF line ends.
    func render(header: [String], rows: [[String]]) -> String {
        let lines = ([header] + rows).map { $0.map(field).joined(separator: separator) }
        return (self == .excel ? "\u{FEFF}" : "") + lines.map { $0 + "\r\n" }.joined()
    }
}

/// `--format`, the deprecated `--json`, and `--csv-dialect`, shared by every command that
/// prints data.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L(.optFormat), valueName: "format"))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp(L(.flagJsonDeprecated), visibility: .hidden))
    var json = false

    @Option(help: ArgumentHelp(L(.optCsvDialect), valueName: "dialect"))
    var csvDialect: CSVDialect?

    /// The format asked for, checked against those the command supports (wrong usage, exit 2);
    /// `--json` says it is deprecated.
    func resolve(_ supported: [OutputFormat] = [.text, .json]) throws -> OutputFormat {
        if json {
            Terminal.deprecated("--json", use: "--format json")
            if let format, format != .json { throw CommandFailure(message: L(.formatConflict), exitCode: .usage) }
            return .json
        }
        let chosen = format ?? .text
        guard supported.contains(chosen) else {
            throw CommandFailure(message: L(.formatUnsupported, ["format": chosen.rawValue, "supported": supported.map(\.rawValue).joined(separator: ", ")]), exitCode: .usage)
        }
        return chosen
    }

    var dialect: CSVDialect { csvDialect ?? .default }
}

/// An aligned table for people: a title line with its date, headers, columns fitted to the
/// terminal's width (the widest column is cut with `…` when the line would not fit).
struct TextTable {
    var title: String?
    var headers: [String]
    var rows: [[String]]
    /// Columns that may be shortened, widest first (default: all).
    var shrinkable: Set<Int>?

    func render(width: Int = Terminal.width) -> String {
        // Text from outside (a citizen's, an import's, a login typed by anyone) is shown with
        // its control characters escaped: a cell cannot forge a line or move the cursor.
        let rows = rows.map { $0.map { Terminal.visible($0) } }
        let columns = headers.count
        var widths = (0..<columns).map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        // Short codes (numbers, dates, ids without spaces) are never cut; names and titles are.
        let cuttable = shrinkable ?? Set((0..<columns).filter { column in
            rows.contains { row in column < row.count && (row[column].contains(" ") || row[column].count > 12) }
        })
        let gap = 2
        let total = { widths.reduce(0, +) + gap * max(0, columns - 1) }
        // Shrink the widest shrinkable column a character at a time until the table fits (never
        // below 8): the cut falls on the longest texts, evenly.
        while total() > width {
            let candidates = (0..<columns).filter { cuttable.contains($0) && widths[$0] > 8 }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 < $1) }) else { break }
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            (0..<columns).map { column -> String in
                var cell = column < cells.count ? cells[column] : ""
                if cell.count > widths[column] { cell = String(cell.prefix(max(0, widths[column] - 1))) + "…" }
                return column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: String(repeating: " ", count: gap)).trimmingTrailingSpaces()
        }
        var lines: [String] = []
        if let title { lines.append(title); lines.append("") }
        lines.append(line(headers))
        lines.append(line(widths.map { String(repeating: "─", count: $0) }))
        lines.append(contentsOf: rows.map(line))
        return lines.joined(separator: "\n")
    }

    /// The same rows as a Markdown table.
    func markdown() -> String {
        func escape(_ cell: String) -> String { Terminal.visible(cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) }
        var lines: [String] = []
        if let title { lines.append("## " + title); lines.append("") }
        lines.append("| " + headers.map(escape).joined(separator: " | ") + " |")
        lines.append("|" + headers.map { _ in " --- |" }.joined())
        lines.append(contentsOf: rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" })
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

/// A column of a row report: its JSON/CSV key, its title for people, and the cell.
struct Column<Row> {
    var key: String
    var title: String
    var value: (Row) -> String
}

/// Rows for people (an aligned table with a title), for Excel or machines (CSV), for pasting
/// (Markdown); JSON is the command's own document.
struct RowReport<Row> {
    var title: String
    var columns: [Column<Row>]
    var rows: [Row]
    var footer: String?

    func print(_ format: OutputFormat, dialect: CSVDialect, json: () throws -> Void) throws {
        let cells = rows.map { row in columns.map { $0.value(row) } }
        switch format {
        case .json: try json()
        case .csv:
            // Excel is for people: the titles; RFC 4180 is for machines: the JSON keys.
            let header = dialect == .excel ? columns.map(\.title) : columns.map(\.key)
            FileHandle.standardOutput.write(Data(dialect.render(header: header, rows: cells).utf8))
        case .markdown:
            Terminal.out(TextTable(title: title, headers: columns.map(\.title), rows: cells).markdown() + (footer.map { "\n\n" + $0 } ?? ""))
        case .text:
            if rows.isEmpty {
                Terminal.out(title + "\n\n" + L(.tableEmpty) + (footer.map { "\n" + $0 } ?? ""))
            } else {
                Terminal.out(TextTable(title: title, headers: columns.map(\.title), rows: cells).render() + (footer.map { "\n\n" + $0 } ?? ""))
            }
        }
    }
}
