import Foundation
import Testing
@testable import LKOLanguage

@Suite struct FormatterTests {
    /// Every syntactically clean input of the suite: the policy itself and the fixtures whose
    /// diagnostics come from the compiler (their syntax is valid).
    static func cleanInputs() throws -> [(name: String, text: String)] {
        var inputs = try Support.policyFiles().map { ("Policies/\($0.name)", $0.text) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Support.diagnosticsFixtures.path)
            .filter { $0.hasSuffix(".lko") }.sorted()
        for name in names {
            let data = try Data(contentsOf: Support.diagnosticsFixtures.appendingPathComponent(name))
            let text = String(decoding: data, as: UTF8.self)
            if !Support.parse(text).diagnostics.hasErrors { inputs.append(("diagnostics/\(name)", text)) }
        }
        inputs.append(("messy", Self.messy))
        return inputs
    }

    @Test func thereAreEnoughCleanInputs() throws {
        let inputs = try Self.cleanInputs()
        // 5 policy files, 36 compiler fixtures (every code but E00xx and E0014/E0015; issue 14
        // added E0210, E0211, W0508, W0509, W0510), the messy input.
        #expect(inputs.count == 5 + 36 + 1)
    }

    @Test func idempotentAndSameTree() throws {
        for (name, text) in try Self.cleanInputs() {
            let parsed = Support.parse(text)
            #expect(!parsed.diagnostics.hasErrors, "\(name)")
            let once = PolicyFormatter().format(parsed.file)
            let reparsed = Support.parse(once)
            #expect(reparsed.diagnostics.isEmpty, "\(name): formatted text has diagnostics")
            let twice = PolicyFormatter().format(reparsed.file)
            #expect(twice == once, "\(name): fmt is not idempotent")
            #expect(StructuralDump.dump(reparsed.file) == StructuralDump.dump(parsed.file), "\(name): fmt changed the tree")
            #expect(Support.comments(once) == Support.comments(text), "\(name): comments changed")
        }
    }

    @Test func policiesAreAlreadyFormatted() throws {
        let files = try Support.policyFiles()
        #expect(files.map(\.name) == ["categories.lko", "grants.lko", "organization.lko", "routing.lko", "tests.lko"])
        for (name, text) in files {
            #expect(Support.format(text) == text, "Policies/\(name) is not in canonical layout")
        }
    }

    @Test func dumpSeesRealDifferences() {
        // The structural dump must not be blind: a changed name, value or comment changes it.
        let base = StructuralDump.dump(Support.parse("grant a to b on roads # c\n").file)
        #expect(base.contains("\"roads\""))
        #expect(!base.contains("span"))
        #expect(base == StructuralDump.dump(Support.parse("grant  a  to b on roads   # c  \n").file))
        #expect(base != StructuralDump.dump(Support.parse("grant a to b on road # c\n").file))
        #expect(base != StructuralDump.dump(Support.parse("grant a to b on roads # d\n").file))
        #expect(base != StructuralDump.dump(Support.parse("# c\ngrant a to b on roads\n").file))
        #expect(StructuralDump.dump(Support.parse("category a \"A\" {\n  term 5 calendar days\n}").file)
            != StructuralDump.dump(Support.parse("category a \"A\" {\n  term 5 working days\n}").file))
    }

    static let messy = """
    // Заголовок файла


    organization   "Администрация"{timezone "Europe/Moscow"
    term appeal 30 calendar days   // срок
      deadline preceding_working_day}
    role executor "Исполнитель" { allow view,draft   on assigned and granted }
    grant executor to a on roads.potholes,waste  until 2027-02-05 from 2027-01-11
    grant executor to b
    category roads "Дороги" { subcategory potholes "Ямы" { term 1 calendar days
    accelerated fact pit "Яма" }
    // в конце категории
    }
    fasttrack f "Быстро" priority 1 { assign a
    term 5 calendar days
    when subcategory roads.potholes when source "КОД \\"1\\"" }
    autorule r priority 2 {leave to coordinator
    when category roads}
    test "t" { expect route case {subcategory roads.potholes   locality "Старица"} to coordinator via autorule r
    at 2026-03-02 }
    calendar { year 2028 "ПП" day_off 2028-01-09 "ПП" }
    # последний комментарий
    """

    @Test func messyInputLayout() {
        let (file, diagnostics) = Support.parse(Self.messy)
        #expect(diagnostics.isEmpty)
        let expected = """
        # Заголовок файла

        organization "Администрация" {
          timezone "Europe/Moscow"
          term appeal 30 calendar days # срок
          deadline preceding_working_day
        }

        role executor "Исполнитель" {
          allow view, draft on assigned and granted
        }

        grant executor to a on roads.potholes, waste from 2027-01-11 until 2027-02-05
        grant executor to b

        category roads "Дороги" {
          subcategory potholes "Ямы" {
            term 1 calendar day
            accelerated
            fact pit "Яма"
          }
          # в конце категории
        }

        fasttrack f "Быстро" priority 1 {
          when subcategory roads.potholes
          when source "КОД \\"1\\""
          term 5 calendar days
          assign a
        }

        autorule r priority 2 {
          when category roads
          leave to coordinator
        }

        test "t" {
          at 2026-03-02
          expect route case { subcategory roads.potholes locality "Старица" } to coordinator via autorule r
        }

        calendar {
          year 2028 "ПП"
          day_off 2028-01-09 "ПП"
        }

        # последний комментарий

        """
        #expect(PolicyFormatter().format(file) == expected)
    }

    @Test func blankLinesInsideBlocksAreKeptAndCollapsed() {
        let input = "role r \"R\" {\n\n  allow view on any\n\n\n\n  allow draft on any\n  # about approve\n\n  allow approve on granted\n}\n"
        let expected = "role r \"R\" {\n  allow view on any\n\n  allow draft on any\n  # about approve\n\n  allow approve on granted\n}\n"
        #expect(Support.format(input) == expected)
        #expect(Support.format(expected) == expected)
    }

    @Test func headerCommentStaysApartFromTheFirstDeclaration() {
        let input = "# header\n\ngrant a to b\n"
        #expect(Support.format(input) == input)
        let attached = "# about the grant\ngrant a to b\n"
        #expect(Support.format(attached) == attached)
    }

    @Test func groupedOneLinersKeepCommentBlankLines() {
        let input = "grant a to b\n# about c\n\ngrant c to d\n\n# about e\ngrant e to f\ngrant g to h\n"
        #expect(Support.format(input) == input)
    }

    @Test func slashCommentsBecomeHashAndTrailingSpaceGoes() {
        #expect(Support.format("grant a to b //  note   \n") == "grant a to b #  note\n")
    }

    @Test func oneLinerCategoriesGroupAndBlockCategoriesSeparate() {
        let input = "category a \"A\"\ncategory b \"B\"\ncategory c \"C\" {\n}\ncategory d \"D\"\n"
        #expect(Support.format(input) == "category a \"A\"\ncategory b \"B\"\n\ncategory c \"C\" {\n}\n\ncategory d \"D\"\n")
    }

    @Test func stringsAreEscapedBack() {
        let text = "category a \"tab\\there \\\\ \\\"q\\\" nl\\n\"\n"
        #expect(Support.format(text) == text)
        let (file, _) = Support.parse(text)
        guard case .category(let node) = file.declarations.first else { Issue.record("no category"); return }
        #expect(node.title.value == "tab\there \\ \"q\" nl\n")
    }

    @Test func emptyFileFormatsToEmpty() {
        #expect(Support.format("") == "")
        #expect(Support.format("\n\n") == "")
        #expect(Support.format("# only\n") == "# only\n")
    }
}
