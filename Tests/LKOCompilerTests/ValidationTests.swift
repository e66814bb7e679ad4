import Testing
@testable import LKOCompiler
@testable import LKOLanguage

/// One small input after `header` and the error it must give, with the line relative to the
/// appended text.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var code: String
    var line: Int
    var text: String
    var testDescription: String { "\(code) at +\(line)" }
}

let errorCases: [ErrorCase] = [
    ErrorCase(code: "E0101", line: 2, text: "category c \"C\"\ncategory c \"C2\""),
    ErrorCase(code: "E0101", line: 4, text: "category c \"C\" {\n  subcategory s \"S\"\n  subcategory t \"T\"\n  subcategory s \"S again\"\n}"),
    ErrorCase(code: "E0101", line: 4, text: "autorule r priority 1 {\n  leave to coordinator\n}\nautorule r priority 2 {\n  leave to coordinator\n}"),
    ErrorCase(code: "E0102", line: 2, text: "category c \"C\"\ngrant superuser to x"),
    ErrorCase(code: "E0103", line: 3, text: "role r \"R\" {\n  allow view on any\n  allow view, fly on any\n}\ngrant r to x"),
    ErrorCase(code: "E0104", line: 4, text: "category c \"C\" {\n  subcategory s \"S\"\n}\ngrant executor to x on c.nope"),
    ErrorCase(code: "E0104", line: 1, text: "grant executor to x on nope\ncategory c \"C\""),
    ErrorCase(code: "E0105", line: 2, text: "role r \"R\" {\n  allow view on everything\n}\ngrant r to x"),
    ErrorCase(code: "E0106", line: 2, text: "category c \"C\" {\n  term appela 10 calendar days\n}"),
    ErrorCase(code: "E0107", line: 3, text: "category c \"C\"\nautorule r priority 1 {\n  when channel fax\n  leave to coordinator\n}"),
    ErrorCase(code: "E0110", line: 3, text: "category c \"C\"\nautorule r priority 1 {\n  when subcategory c\n  leave to coordinator\n}"),
    ErrorCase(code: "E0111", line: 2, text: "category c \"C\"\norganization \"Second\" {\n}"),
    ErrorCase(code: "E0201", line: 2, text: "category c \"C\" {\n  term 61 calendar days\n}"),
    ErrorCase(code: "E0201", line: 2, text: "category c \"C\" {\n  term 0 working days\n}"),
    // Accelerated: the term written on the node, the inherited default (at `accelerated`),
    // a fact's own term under an accelerated subcategory, and working days.
    ErrorCase(code: "E0202", line: 3, text: "category c \"C\" {\n  subcategory s \"S\" {\n    term 11 calendar days\n    accelerated\n  }\n}"),
    ErrorCase(code: "E0202", line: 3, text: "category c \"C\" {\n  subcategory s \"S\" {\n    accelerated\n  }\n}"),
    ErrorCase(code: "E0202", line: 6, text: "category c \"C\" {\n  subcategory s \"S\" {\n    accelerated\n    term 10 calendar days\n    fact f \"F\" {\n      term message 12 calendar days\n    }\n  }\n}"),
    ErrorCase(code: "E0202", line: 3, text: "category c \"C\" {\n  accelerated\n  term 5 working days\n}"),
    // The offending regime's term, not the node's first term line.
    ErrorCase(code: "E0202", line: 5, text: "category c \"C\" {\n  subcategory s \"S\" {\n    accelerated\n    term appeal 5 calendar days\n    term message 20 calendar days\n  }\n}"),
    ErrorCase(code: "E0202", line: 5, text: "category c \"C\" {\n  subcategory s \"S\" {\n    accelerated\n    term message 5 calendar days\n    term 12 calendar days\n  }\n}"),
    ErrorCase(code: "E0202", line: 6, text: "category c \"C\" {\n  term 10 calendar days\n  accelerated\n}\ngrant executor to x on c\nfasttrack f priority 1 {\n  when source S\n  when category c\n  term 3 working days\n  assign x\n}"),
    ErrorCase(code: "E0203", line: 5, text: "category c \"C\" {\n  subcategory s \"S\"\n}\ngrant executor to x on c\nfasttrack f priority 1 {\n  when subcategory c.s\n  term 31 calendar days\n  assign x\n}"),
    ErrorCase(code: "E0203", line: 5, text: "category c \"C\" {\n  subcategory s \"S\"\n}\ngrant executor to x on c\nfasttrack f priority 1 {\n  when subcategory c.s\n  term 31 working days\n  assign x\n}"),
    ErrorCase(code: "E0204", line: 2, text: "category c \"C\"\ngrant executor to x on c from 2026-05-01 until 2026-04-30"),
    ErrorCase(code: "E0205", line: 3, text: "role r \"R\" {\n  allow view on granted\n  allow view, manage_users on granted\n}\ngrant r to x"),
    ErrorCase(code: "E0206", line: 4, text: "category c \"C\"\nautorule r priority 1 {\n  when regime appeal\n  when regime message\n  leave to coordinator\n}"),
    ErrorCase(code: "E0206", line: 6, text: "category c \"C\" {\n  subcategory s \"S\"\n}\nautorule r priority 1 {\n  when category c\n  when subcategory c.s\n  leave to coordinator\n}"),
    ErrorCase(code: "E0207", line: 2, text: "category c \"C\"\nautorule r priority 1000001 {\n  leave to coordinator\n}"),
    ErrorCase(code: "E0209", line: 3, text: "calendar {\n  day_off 2028-01-09 \"A\"\n  workday 2028-01-09 \"B\"\n}\ncategory c \"C\""),
    ErrorCase(code: "E0209", line: 2, text: "calendar {\n  year 1999 \"A\"\n}\ncategory c \"C\""),
    ErrorCase(code: "E0301", line: 2, text: "category c \"C\"\nautorule r priority 1 {\n  assign stranger\n}"),
    ErrorCase(code: "E0301", line: 7, text: "category c \"C\" {\n  subcategory s \"S\"\n  subcategory t \"T\"\n}\ngrant executor to x on c.s\ngrant coordinator to x on c.t\nautorule r priority 1 {\n  when category c\n  assign x\n}"),
    ErrorCase(code: "E0302", line: 3, text: "category c \"C\"\ngrant executor to x on c\nfasttrack f priority 1 {\n  when regime message\n  term 3 calendar days\n  assign x\n}"),
    ErrorCase(code: "E0303", line: 2, text: "category c \"C\"\nautorule r priority 1 {\n  when category c\n}"),
    ErrorCase(code: "E0303", line: 6, text: "category c \"C\"\ngrant executor to x on c\nfasttrack f priority 1 {\n  when category c\n  term 3 calendar days\n  leave to coordinator\n}"),
    ErrorCase(code: "E0303", line: 3, text: "category c \"C\"\ngrant executor to x on c\nfasttrack f priority 1 {\n  when category c\n  assign x\n}"),
]

@Suite("Validation errors")
struct ValidationTests {
    @Test(arguments: errorCases)
    func errorHasTheRightCodeAtTheRightLine(_ example: ErrorCase) {
        let compilation = compile(header + example.text)
        let errors = findings(compilation).filter { $0.code.hasPrefix("E") }
        #expect(errors == [F(example.code, headerLines + example.line)], "\(example.text)")
        #expect(compilation.policy == nil)
        #expect(compilation.hasErrors)
    }

    @Test func missingOrganizationPointsAtTheFirstFile() {
        let compilation = compile([("b.lko", "category c \"C\""), ("a.lko", "role r \"R\" {\n  allow view on any\n}")])
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        // The designated roles are then not checked (there is no organization to name them).
        #expect(errors.map(\.code) == [.missingOrganization])
        #expect(errors.first?.span.file == 0)
        #expect(compilation.sources.position(of: errors[0].span) == "a.lko:1:1")
    }

    @Test func organizationSettingErrors() {
        let text = """
        organization "Org" {
          timezone "Mars/Olympus"
          deadline tomorrow
          executor_role doer
        }
        role coordinator "К" {
          allow view on any
        }
        """
        let found = findings(compile(text)).filter { $0.code.hasPrefix("E") }
        #expect(found == [F("E0102", 1), F("E0208", 2), F("E0108", 3)])
    }

    @Test func oneRunReportsEveryError() {
        let text = header + "grant nobody to x\ngrant executor to y on nowhere\ncategory c \"C\" {\n  term 99 calendar days\n}"
        let found = findings(compile(text)).filter { $0.code.hasPrefix("E") }
        #expect(found == [F("E0102", headerLines + 1), F("E0104", headerLines + 2), F("E0201", headerLines + 4)])
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let compilation = compile(header + "category roads \"R\"\ngrant executr to x on roads")
        let diagnostic = try #require(compilation.diagnostics.first { $0.code == .unknownRole })
        #expect(diagnostic.help?.contains("executor") == true)
    }

    @Test func validPolicyHasNoErrors() throws {
        let compilation = compile(header + "category c \"C\"\ngrant executor to x on c")
        #expect(!compilation.hasErrors)
        #expect(compilation.policy != nil)
    }
}
