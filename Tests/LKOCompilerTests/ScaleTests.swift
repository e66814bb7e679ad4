import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Issue 17: the faster algorithms give exactly what the straightforward ones gave.
@Suite("Scale: canonical JSON and the version hash")
struct CanonicalJSONTests {
    /// Tables with every optional present and absent and strings an encoder must escape.
    static func hostile() throws -> PolicyTables {
        var tables = try #require(compile(tablesPolicy).policy).tables
        let nasty = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\/ é ё \u{7F} \u{2028}\u{2029} 🙂 </script> \u{FEFF}"
        tables.nodes[0].title = nasty
        tables.organization.title = nasty
        tables.roles[0].title = "t\u{1F}\t\n"
        tables.grants[0].from = "2026-01-01"
        tables.grants[0].until = "2026-12-31"
        tables.grants[0].nodes = ["a/b", "c\"d"]
        tables.autoRules[0].title = nil
        tables.autoRules[0].assignee = nil
        tables.autoRules[0].term = TermValue(days: -3, unit: .working)
        tables.autoRules[0].priority = Int.min + 1
        tables.substitutes = [
            SubstituteRow(substitute: "s", absentee: nil, nodes: [], kind: .executor, position: "p:1:1"),
            SubstituteRow(substitute: "s", absentee: "a\u{0}", nodes: ["x"], kind: .approver, position: "p:2:1"),
        ]
        tables.acceptances = [AcceptanceRow(code: "W0506", subjects: ["a", nasty], reason: nasty, position: "p:3:1")]
        return tables
    }

    static func samples() throws -> [PolicyTables] {
        var all = [try #require(compile(tablesPolicy).policy).tables, try hostile()]
        all.append(try #require(compile(shuffledFiles).policy).tables)
        if let shipped = try shippedCompilation().policy?.tables { all.append(shipped) }
        var withoutOptionals = try hostile()
        withoutOptionals.substitutes = nil
        withoutOptionals.acceptances = []
        all.append(withoutOptionals)
        return all
    }

    @Test func handWrittenBytesAreTheEncodersBytes() throws {
        for tables in try CanonicalJSONTests.samples() {
            let reference = Array(TablesJSON.encode(tables, pretty: false))
            let mine = tables.canonicalJSON()
            #expect(mine == reference, "first difference at \(zip(mine, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, reference.count))")
        }
    }

    @Test func versionIsTheEncoderDefinition() throws {
        for tables in try CanonicalJSONTests.samples() {
            #expect(PolicyVersion.compute(tables) == PolicyVersion.computeWithEncoder(tables))
        }
    }
}
