import Foundation
import Testing
@testable import LKOCompiler
@testable import LKOLanguage

/// `tablesPolicy` split into three files, every list and block shuffled, reformatted, commented.
let shuffledFiles: [(String, String)] = [
    ("z/rules.lko", """
    # rules first, calendar last
    autorule r1   priority 5 {
        when locality "L1", "L2"
        when channel mobile_app, widget
        when category b
        leave to coordinator
    }

    calendar {
      day_off 2027-01-09 "ПП 3"
      workday 2027-12-30 "ПП 2"
      year 2028 "ПП 1"
    }
    autorule r2 priority 5 { when regime message
      when subcategory b.x
      assign anna }
    fasttrack ft "FT" priority 3 {
      assign ivan
      term 3 calendar days
      when source SRC
      when fact b.y.f1
    }
    """),
    ("a.lko", """
    grant executor to anna on b.x
    grant manager to anna on b


    grant coordinator to head   # глава
    grant executor to ivan on a, b.y until 2026-12-31 from 2026-01-01
    """),
    ("m.lko", """
    category a "A" {
      subcategory z "Z"
      term 7 calendar days
      accelerated
    }
    role executor "Исполнитель" { allow view, draft on assigned and granted }
    role coordinator "Координатор" {
      allow report on any
      allow view, assign on any
    }
    role manager "Руководитель" {
      allow approve on granted
    }
    category b "B" {
      subcategory x "X" { term appeal 15 working days }
      subcategory y "Y" {
        fact f1 "F1" {
          term message 5 calendar days
        }
        fact f2 "F2"
        accelerated
        term 10 calendar days
      }
    }
    organization "Org" {
      term message 20 working days
      term appeal 30 calendar days
      timezone "Europe/Moscow"
    }
    """),
]

/// The tables with everything that says where or how the policy was written blanked.
func semanticJSON(_ tables: PolicyTables) -> Data {
    var t = tables
    t.sources = []
    t.organization.position = ""
    t.roles = t.roles.map { var r = $0; r.position = ""; return r }
    t.roleActions = t.roleActions.map { var r = $0; r.position = ""; return r }
    t.nodes = t.nodes.map { var r = $0; r.position = ""; return r }
    t.grants = t.grants.map { var r = $0; r.position = ""; return r }
    t.autoRules = t.autoRules.map { var r = $0; r.position = ""; return r }
    t.fastTracks = t.fastTracks.map { var r = $0; r.position = ""; return r }
    t.calendar = t.calendar.map { var r = $0; r.position = ""; return r }
    t.calendarYears = t.calendarYears.map { var r = $0; r.position = ""; return r }
    return TablesJSON.encode(t)
}

@Suite("Determinism and versions")
struct DeterminismTests {
    @Test func shuffledReformattedPolicyHasTheSameTablesAndVersion() throws {
        let one = try policy(tablesPolicy).tables
        let shuffled = compile(shuffledFiles)
        #expect(!shuffled.hasErrors, "\(findings(shuffled))")
        let three = try #require(shuffled.policy).tables
        #expect(three.version == one.version)
        #expect(semanticJSON(three) == semanticJSON(one))
        // Positions do follow the new layout.
        #expect(three.grants.map(\.position) == ["a.lko:1:1", "a.lko:2:1", "a.lko:5:1", "a.lko:6:1"])
        #expect(three.sources.map(\.path) == ["a.lko", "m.lko", "z/rules.lko"])
    }

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]])
    func fileOrderNeverChangesTheBytes(order: [Int]) throws {
        let reference = try #require(compile(shuffledFiles).policy).tables
        let files = order.map { shuffledFiles[$0] }
        let tables = try #require(compile(files).policy).tables
        #expect(TablesJSON.encode(tables) == TablesJSON.encode(reference))
        #expect(TablesJSON.encode(tables, pretty: false) == TablesJSON.encode(reference, pretty: false))
    }

    @Test func compilingTwiceGivesIdenticalBytes() throws {
        let first = try policy(tablesPolicy).tables
        let second = try policy(tablesPolicy).tables
        #expect(TablesJSON.encode(first) == TablesJSON.encode(second))
    }

    @Test(arguments: [
        ("until 2026-12-31", "until 2026-12-30"),
        ("priority 3", "priority 4"),
        ("allow approve on granted", "allow approve, return on granted"),
        ("term 10 calendar days", "term 9 calendar days"),
        ("when locality \"L2\", \"L1\"", "when locality \"L2\""),
        ("day_off 2027-01-09", "day_off 2027-01-10"),
        ("grant manager to anna on b", "grant manager to anna on b.x"),
    ])
    func semanticChangeMakesANewVersion(old: String, new: String) throws {
        #expect(tablesPolicy.contains(old))
        let base = try policy(tablesPolicy).tables.version
        let changed = try policy(tablesPolicy.replacingOccurrences(of: old, with: new)).tables.version
        #expect(changed != base)
    }

    @Test func commentsAndBlankLinesKeepTheVersion() throws {
        let base = try policy(tablesPolicy).tables
        let edited = "# a comment\n\n" + tablesPolicy.replacingOccurrences(of: "\n", with: "\n\n") + "\n# end\n"
        let other = try policy(edited).tables
        #expect(other.version == base.version)
        #expect(other.sources[0].sha256 != base.sources[0].sha256)
        #expect(other.grants[0].position == "p.lko:\(2 + 2 * 37 - 1):1")
    }
}
