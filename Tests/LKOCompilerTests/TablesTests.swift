import Foundation
import Testing
@testable import LKOCompiler
@testable import LKOLanguage

/// A small policy whose every table is written out by hand below.
let tablesPolicy = """
organization "Org" {
  timezone "Europe/Moscow"
  term appeal 30 calendar days
  term message 20 working days
}
role manager "Руководитель" {
  allow approve on granted
}
role coordinator "Координатор" {
  allow assign, view on any
  allow report on any
}
role executor "Исполнитель" {
  allow draft, view on assigned and granted
}
category b "B" {
  subcategory y "Y" {
    term 10 calendar days
    accelerated
    fact f2 "F2"
    fact f1 "F1" {
      term message 5 calendar days
    }
  }
  subcategory x "X" {
    term appeal 15 working days
  }
}
category a "A" {
  accelerated
  term 7 calendar days
  subcategory z "Z"
}
grant executor to ivan on b.y, a from 2026-01-01 until 2026-12-31
grant coordinator to head
grant manager to anna on b
grant executor to anna on b.x
fasttrack ft "FT" priority 3 {
  when fact b.y.f1
  when source SRC
  term 3 calendar days
  assign ivan
}
autorule r2 priority 5 {
  when subcategory b.x
  when regime message
  assign anna
}
autorule r1 priority 5 {
  when category b
  when channel widget, mobile_app
  when locality "L2", "L1"
  leave to coordinator
}
calendar {
  year 2028 "ПП 1"
  workday 2027-12-30 "ПП 2"
  day_off 2027-01-09 "ПП 3"
}
"""

func termText(_ term: TermValue?) -> String {
    guard let term else { return "-" }
    return "\(term.days)\(term.unit == .calendar ? "c" : "w")"
}

@Suite("Compiled tables, cell by cell")
struct TablesTests {
    let tables: PolicyTables

    init() throws {
        tables = try policy(tablesPolicy).tables
    }

    @Test func organization() {
        let org = tables.organization
        #expect(org.title == "Org")
        #expect(org.timeZone == "Europe/Moscow")
        #expect(termText(org.appealTerm) == "30c")
        #expect(termText(org.messageTerm) == "20w")
        #expect(org.deadlineRule == .precedingWorkingDay)
        #expect(org.executorRole == "executor")
        #expect(org.coordinatorRole == "coordinator")
        #expect(org.position == "p.lko:1:1")
    }

    @Test func rolesAndRoleActions() {
        #expect(tables.roles.map { "\($0.id)|\($0.title)|\($0.position)" } == [
            "coordinator|Координатор|p.lko:9:1",
            "executor|Исполнитель|p.lko:13:1",
            "manager|Руководитель|p.lko:6:1",
        ])
        // Sorted by role, then the action vocabulary's order (view before assign), then scope.
        #expect(tables.roleActions.map { "\($0.role)|\($0.action)|\($0.scope.rawValue)|\($0.position)" } == [
            "coordinator|view|any|p.lko:10:3",
            "coordinator|assign|any|p.lko:10:3",
            "coordinator|report|any|p.lko:11:3",
            "executor|view|assigned and granted|p.lko:14:3",
            "executor|draft|assigned and granted|p.lko:14:3",
            "manager|approve|granted|p.lko:7:3",
        ])
        #expect(tables.actions.count == Action.allCases.count)
        #expect(tables.actions.filter(\.administrative).map(\.action) == ["report", "manage_users", "manage_policy", "manage_delegations", "view_audit"])
    }

    @Test func nodesInPreorderWithInheritance() {
        // index|path|level|parent|subtreeEnd|own appeal/message|effective appeal/message|accelerated
        #expect(tables.nodes.map { n in
            "\(n.index)|\(n.path)|\(n.level)|\(n.parent.map(String.init) ?? "-")|\(n.subtreeEnd)|\(termText(n.ownAppealTerm))/\(termText(n.ownMessageTerm))|\(termText(n.appealTerm))/\(termText(n.messageTerm))|\(n.accelerated)"
        } == [
            "0|a|category|-|2|7c/7c|7c/7c|true",
            "1|a.z|subcategory|0|2|-/-|7c/7c|true",
            "2|b|category|-|7|-/-|30c/20w|false",
            "3|b.x|subcategory|2|4|15w/-|15w/20w|false",
            "4|b.y|subcategory|2|7|10c/10c|10c/10c|true",
            "5|b.y.f1|fact|4|6|-/5c|10c/5c|true",
            "6|b.y.f2|fact|4|7|-/-|10c/10c|true",
        ])
        #expect(tables.nodes.map(\.title) == ["A", "Z", "B", "X", "Y", "F1", "F2"])
        #expect(tables.nodes[5].position == "p.lko:21:5")
    }

    @Test func grantsInCanonicalOrder() {
        #expect(tables.logins == ["anna", "head", "ivan"])
        #expect(tables.grants.map { g in
            "\(g.index)|\(g.login)|\(g.role)|\(g.nodes.joined(separator: ","))|\(g.from ?? "-")|\(g.until ?? "-")|\(g.position)"
        } == [
            "0|anna|executor|b.x|-|-|p.lko:37:1",
            "1|anna|manager|b|-|-|p.lko:36:1",
            "2|head|coordinator||-|-|p.lko:35:1",
            "3|ivan|executor|a,b.y|2026-01-01|2026-12-31|p.lko:34:1",
        ])
    }

    @Test func permissionRows() {
        #expect(tables.permissions.map { p in
            "\(p.login)|\(p.action)|\(p.scope.rawValue)|\(p.nodes.joined(separator: ","))|\(p.from ?? "-")|\(p.until ?? "-")|\(p.grant)|\(p.role)"
        } == [
            "anna|view|assigned and granted|b.x|-|-|0|executor",
            "anna|draft|assigned and granted|b.x|-|-|0|executor",
            "anna|approve|granted|b|-|-|1|manager",
            "head|view|any||-|-|2|coordinator",
            "head|assign|any||-|-|2|coordinator",
            "head|report|any||-|-|2|coordinator",
            "ivan|view|assigned and granted|a,b.y|2026-01-01|2026-12-31|3|executor",
            "ivan|draft|assigned and granted|a,b.y|2026-01-01|2026-12-31|3|executor",
        ])
    }

    @Test func ruleRows() {
        func row(_ r: RuleRow) -> String {
            [r.id, r.title ?? "-", String(r.priority), r.nodes.joined(separator: ","), r.regimes.joined(separator: ","),
             r.channels.joined(separator: ","), r.sources.joined(separator: ","), r.localities.joined(separator: ","),
             r.assignee ?? "coordinator", termText(r.term), r.position].joined(separator: "|")
        }
        #expect(tables.fastTracks.map(row) == ["ft|FT|3|b.y.f1|||SRC||ivan|3c|p.lko:38:1"])
        #expect(tables.autoRules.map(row) == [
            "r1|-|5|b||mobile_app,widget||L1,L2|coordinator|-|p.lko:49:1",
            "r2|-|5|b.x|message||||anna|-|p.lko:44:1",
        ])
    }

    @Test func routeRows() {
        #expect(tables.routes.map { "\($0.node)|\($0.order)|\($0.kind)|\($0.rule)" } == [
            "b|0|autorule|r1",
            "b.x|0|autorule|r1",
            "b.x|1|autorule|r2",
            "b.y|0|autorule|r1",
            "b.y.f1|0|fasttrack|ft",
            "b.y.f1|1|autorule|r1",
            "b.y.f2|0|autorule|r1",
        ])
    }

    @Test func calendarRows() {
        #expect(tables.calendar.map { "\($0.date)|\($0.kind)|\($0.source)|\($0.position)" } == [
            "2027-01-09|day_off|ПП 3|p.lko:58:3",
            "2027-12-30|workday|ПП 2|p.lko:57:3",
        ])
        #expect(tables.calendarYears.map { "\($0.year)|\($0.source)" } == ["2028|ПП 1"])
    }

    @Test func versionAndSources() {
        #expect(tables.version.hasPrefix("sha256:"))
        #expect(tables.version.count == 7 + 64)
        #expect(tables.version == PolicyVersion.compute(tables))
        #expect(tables.sources.map(\.path) == ["p.lko"])
        #expect(tables.sources[0].sha256 == PolicyVersion.sha256Hex(Array(tablesPolicy.utf8)))
        // The known digest of the empty input pins the hex encoding.
        #expect(PolicyVersion.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func jsonRoundTripRebuildsTheSameIndexes() throws {
        let data = TablesJSON.encode(tables)
        let decoded = try TablesJSON.decode(data)
        #expect(decoded == tables)
        #expect(TablesJSON.encode(decoded) == data)
        #expect(data.last == UInt8(ascii: "\n"))
        let reloaded = try CompiledPolicy(tables: decoded)
        #expect(reloaded.version == tables.version)
    }

    @Test func unsupportedFormatIsRefused() {
        var old = tables
        old.format = 99
        #expect(throws: CompiledPolicy.LoadError.self) { try CompiledPolicy(tables: old) }
    }
}
