import Foundation
import LKOCalendar
import LKOExportReader
import LKOPOS
import Testing
import ZIPFoundation

@Suite("ПОС export reader")
struct ReaderTests {
    @Test("xlsx written by lko: shared strings, serial dates, a merged title row above the header")
    func ownXLSX() throws {
        let grid = try ExportReader.read(try fixture("export-40-lko.xlsx"))
        #expect(grid.format == .xlsx)
        #expect(grid.mergedRanges == ["A1:Y1"])
        let parsed = try ExportParser.parse(grid)
        #expect(parsed.columns.headerRow == 2)
        #expect(parsed.columns.missing.isEmpty)
        #expect(parsed.records.count == 40)
        #expect(parsed.emptyRows == 1)
        #expect(parsed.records.allSatisfy { $0.received != nil && $0.planned != nil })
    }

    @Test("xlsx written by LibreOffice from a CSV reads the same rows as the CSV")
    func libreOffice() throws {
        let fromLibreOffice = try ExportParser.parse(try ExportReader.read(try fixture("export-30-libreoffice.xlsx")))
        let fromCSV = try ExportParser.parse(try ExportReader.read(try fixture("export-30-libreoffice-source.csv")))
        #expect(fromLibreOffice.records.count == 30)
        #expect(fromLibreOffice.records.map(\.number) == fromCSV.records.map(\.number))
        #expect(fromLibreOffice.records.map(\.received) == fromCSV.records.map(\.received))
        #expect(fromLibreOffice.records.map(\.planned) == fromCSV.records.map(\.planned))
        #expect(fromLibreOffice.records.map(\.subcategory) == fromCSV.records.map(\.subcategory))
        #expect(fromLibreOffice.records.map(\.executor) == fromCSV.records.map(\.executor))
        #expect(fromLibreOffice.issues.isEmpty)
    }

    @Test("inline strings and the 1904 date system")
    func inlineStrings() throws {
        let data = try XLSXWriter.write(rows: [
            [.init("Номер"), .init("Подкатегория"), .init("Дата поступления")],
            [.init("7"), .init("Ямы & выбоины <на> дорогах"), .init("46083", number: true)],
        ], inlineStrings: true)
        let grid = try ExportReader.read(Array(data))
        #expect(grid.rows[1].cells == ["7", "Ямы & выбоины <на> дорогах", "46083"])
        #expect(ExportDate.parse("46083") == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("44621", date1904: true) == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("02.03.2026") == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("02.03.2026 14:05:00") == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("2026-03-02T10:00") == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("46083.75") == CalendarDate(iso: "2026-03-02"))
        #expect(ExportDate.parse("31.02.2026") == nil)
        #expect(ExportDate.parse("вчера") == nil)
    }

    @Test("a zip bomb is refused by its decompressed ratio, not by what its header claims")
    func zipBomb() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size = 64 << 20
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate, bufferSize: 1 << 20) { _, chunk in
            Data(count: chunk)
        }
        let bytes = Array(archive.data!)
        #expect(bytes.count < 200_000)
        #expect(throws: ExportReaderError.self) { try ExportReader.read(bytes) }
        do {
            _ = try ExportReader.read(bytes)
        } catch {
            guard case .zipBomb = error else { Issue.record("expected zipBomb, got \(error)"); return }
        }
    }

    @Test("a DOCTYPE (external entities, billion laughs) is refused before anything is expanded")
    func doctype() throws {
        let sheet = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY a "aaaa">]>
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>
            """
        let data = try xlsx(sheet: sheet)
        #expect(throws: ExportReaderError.doctypeRefused(part: "xl/worksheets/sheet1.xml")) { try ExportReader.read(data) }
    }

    @Test("undefined entities, long cells, bad shared-string indexes and out-of-order rows are errors, not crashes")
    func hostileXML() throws {
        let cases = [
            "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&nope;</t></is></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"2\"></row><row r=\"1\"></row></sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>" + String(repeating: "я", count: 60_000) + "</t></is></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row>" + String(repeating: "<x>", count: 100) + "</sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"1\"></sheetData></worksheet>",
        ]
        for sheet in cases {
            #expect(throws: ExportReaderError.self) { try ExportReader.read(try xlsx(sheet: sheet)) }
        }
    }

    @Test("CSV: BOM, ; separator, quotes with line breaks, Windows-1251")
    func csv() throws {
        let text = "\u{FEFF}Номер;Подкатегория;Статус\r\n1;\"Ямы; и \"\"выбоины\"\"\";\"две\nстроки\"\r\n\r\n2;Иное;Решено\r\n"
        let grid = try ExportReader.read(Array(text.utf8))
        #expect(grid.rows.map(\.number) == [1, 2, 4, 5])
        #expect(grid.rows[1].cells == ["1", "Ямы; и \"выбоины\"", "две\nстроки"])
        let cp1251 = Array("Номер;Подкатегория\r\n1;Иное\r\n".data(using: .windowsCP1251)!)
        #expect(try ExportReader.read(cp1251).rows[1].cells == ["1", "Иное"])
    }

    @Test("every input the fuzzer once failed on keeps every invariant")
    func fuzzRegressions() throws {
        let folder = fixtures.appendingPathComponent("fuzz-regressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            #expect(ExportReaderInvariants.problems(bytes) == [], "\(file)")
        }
    }

    func xlsx(sheet: String) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"x/worksheet\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", sheet),
        ] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data!)
    }
}
