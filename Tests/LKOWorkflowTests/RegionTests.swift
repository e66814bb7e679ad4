import Foundation
import LKOAccounts
@testable import LKOStore
import LKOTestSupport
import LKOWorkflow
import Testing

/// Many ЛКО in one PostgreSQL database: the region's registry and its hierarchy, and a redirect
/// that moves a case into a subordinate or superior ЛКО's queue with its history.
@Suite("A region: ЛКО, their hierarchy, redirects between them", .serialized, .enabled(if: TestDatabase.isPostgres))
struct RegionTests {
    static func region() throws -> (Store, Account) {
        try TestDatabase.region(password: testPassword, hasher: cheapHasher)
    }

    /// A superior ЛКО (the district) and its subordinate (a settlement), registered.
    func district() throws -> (superior: Fixture, subordinate: Fixture) {
        let superior = try Fixture(), subordinate = try Fixture()
        let (region, admin) = try Self.region()
        defer { try? region.close() }
        try region.registerOrganization(by: admin, id: superior.store.organization!, title: "Администрация Старицкого округа", superior: nil)
        try region.registerOrganization(by: admin, id: subordinate.store.organization!, title: "Луковниковское сельское поселение", superior: superior.store.organization!)
        return (superior, subordinate)
    }

    func redirect(_ number: String, from sender: Fixture, to receiver: Fixture, by login: String = "head") throws -> CaseRecord {
        let receiving = try Workflow(store: receiver.store)
        let kind = try sender.store.read { db in try RegionalRedirect.kind(in: db, from: sender.store.organization!, to: receiver.store.organization!) }
        return try sender.workflow.perform(.redirect, on: number, by: try sender.account(login), input: .init(target: "ЛКО \(receiver.store.organization!)", kind: kind),
                                           receiver: RegionalRedirect(organization: receiver.store.organization!, receiver: receiving, sender: sender.store.organization!))
    }

    @Test func aRedirectToASubordinateMovesTheCaseWithItsHistoryUnderItsPolicy() throws {
        let (district, settlement) = try district()
        try district.importLines([caseLine("REG-1", subcategory: "roads.potholes")])
        let sent = try redirect("REG-1", from: district, to: settlement)
        #expect(sent.state == .redirected)
        #expect(sent.redirectKind == "subordinate")

        // In the settlement: routed by its own policy (roads go to its roads specialist), the
        // district's history first, then the arrival; the term and deadline unchanged.
        let arrived = try settlement.record("REG-1")
        #expect(arrived.state == .assigned && arrived.assignee == "roads_specialist")
        #expect(arrived.deadline == sent.deadline && arrived.termDays == sent.termDays)
        let history = try settlement.events("REG-1")
        let actions = history.map(\.action)
        #expect(Array(actions.prefix(3)) == ["import", "moderate", "route"], "\(actions)")
        #expect(actions.contains("redirect") && actions.contains("redirect_in"), "\(actions)")
        #expect(history.first { $0.action == "redirect" }?.comment.hasPrefix("[ЛКО ") == true)
        // Both records: each chain verifies, each row is what lko wrote.
        for store in [district.store, settlement.store] {
            #expect(try store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
            #expect(try store.read { db in try AuditRows.verifyDeep(db) } == [])
        }
        #expect(try settlement.lastAudit().action == "case.receive")
    }

    @Test func aRedirectUpToTheSuperiorIsCalledSo() throws {
        let (district, settlement) = try district()
        try settlement.importLines([caseLine("REG-2", subcategory: "roads.potholes")])
        let sent = try redirect("REG-2", from: settlement, to: district)
        #expect(sent.redirectKind == "superior")
        #expect(try district.record("REG-2").state == .assigned)
    }

    @Test func sidewaysOrIntoAnOccupiedNumberNothingMoves() throws {
        let (district, settlement) = try district()
        let stranger = try Fixture()
        try district.importLines([caseLine("REG-3", subcategory: "roads.potholes")])
        let before = try district.record("REG-3")
        // Not registered / not related: refused before anything is written.
        #expect(throws: WorkflowError.self) {
            _ = try district.store.read { db in try RegionalRedirect.kind(in: db, from: district.store.organization!, to: stranger.store.organization!) }
        }
        // The settlement has a case with that number already: the receiver refuses, and the
        // district's redirect is undone with it.
        try settlement.importLines([caseLine("REG-3", subcategory: "roads.potholes")])
        let settlementHead = try settlement.lastAudit().hash
        #expect(throws: WorkflowError.self) { _ = try redirect("REG-3", from: district, to: settlement) }
        #expect(try district.record("REG-3") == before)
        #expect(try settlement.lastAudit().hash == settlementHead)
        #expect(try district.store.read { db in try AuditRows.verifyDeep(db) } == [])
    }

    @Test func theRegionsAdministratorSeesEveryLKOsDay() throws {
        let (district, settlement) = try district()
        try district.importLines([caseLine("OV-1", subcategory: "roads.potholes"), caseLine("OV-2", subcategory: "roads.potholes", date: "2026-02-01")])
        let (region, admin) = try Self.region()
        defer { try? region.close() }
        let overview = try RegionOverview.read(region: region, by: admin, today: day("2026-03-02"))
        let mine = try #require(overview.first { $0.organization.id == district.store.organization! })
        #expect(mine.openCases == 2)
        #expect(mine.overdue == 1, "the case of 01.02.2026 is past its term")
        #expect(mine.auditEntries == (try district.store.read { db in try AuditLog.verify(db) }.entries))
        let theirs = try #require(overview.first { $0.organization.id == settlement.store.organization! })
        #expect(theirs.openCases == 0 && theirs.organization.superior == district.store.organization!)
        // Not the region's administrator: refused, as any administrative action.
        #expect(throws: (any Error).self) {
            _ = try RegionOverview.read(region: district.store, by: try district.account("finance_sysadmin"), today: day("2026-03-02"))
        }
    }

    @Test func onlyTheRegionsAdministratorKeepsTheRegistry() throws {
        let (region, admin) = try Self.region()
        defer { try? region.close() }
        let settlement = try Fixture()
        // Not in the region's own organization: refused.
        #expect(throws: StoreError.self) {
            try settlement.store.registerOrganization(by: try settlement.account("finance_sysadmin"), id: "x", title: "X", superior: nil)
        }
        // An unknown superior, an organization that was never created: refused.
        #expect(throws: StoreError.self) {
            try region.registerOrganization(by: admin, id: settlement.store.organization!, title: "Поселение", superior: "nowhere")
        }
        #expect(throws: StoreError.self) { try region.registerOrganization(by: admin, id: "never_created", title: "Нет", superior: nil) }
        try region.registerOrganization(by: admin, id: settlement.store.organization!, title: "Поселение", superior: nil)
        #expect(throws: StoreError.self) { try region.registerOrganization(by: admin, id: settlement.store.organization!, title: "Снова", superior: nil) }
        #expect(try region.regionOrganizations().contains { $0.id == settlement.store.organization! && $0.title == "Поселение" })
        #expect(try region.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }
}
