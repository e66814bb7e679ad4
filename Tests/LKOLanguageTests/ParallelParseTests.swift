import Testing
@testable import LKOLanguage

/// `ParsedPolicy(sources:)` parses a folder's files at once; what it returns must be what
/// parsing them one by one, in the folder's order, gives.
@Suite struct ParallelParseTests {
    @Test func parsingAtOnceEqualsParsingInOrder() {
        var files: [SourceFile] = []
        for index in 0..<12 {
            var text = "role r\(index) {\n  allow view on assigned\n}\n"
            text += index.isMultiple(of: 3) ? "grant r\(index) to ??\n" : "grant r\(index) to login_\(index)\n"
            text += String(repeating: "grant r\(index) to person_\(index)_x\n", count: index * 50)
            files.append(SourceFile(path: String(format: "f%02d.lko", index), text: text))
        }
        let sources = SourceSet(files: files)
        let atOnce = ParsedPolicy(sources: sources)
        var inOrder: [PolicyFile] = []
        var diagnostics: [Diagnostic] = []
        for (index, file) in sources.files.enumerated() {
            let (parsed, found) = Parser.parse(file, fileIndex: index)
            inOrder.append(parsed)
            diagnostics += found
        }
        #expect(atOnce.files == inOrder)
        #expect(atOnce.diagnostics.map(\.code) == diagnostics.map(\.code))
        #expect(atOnce.diagnostics.map(\.span) == diagnostics.map(\.span))
        #expect(!diagnostics.isEmpty, "the corpus has broken files, so the order of diagnostics is tested")
    }
}
