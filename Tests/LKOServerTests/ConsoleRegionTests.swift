import Foundation
import Hummingbird
import HummingbirdTesting
import LKOAccounts
import LKOApplication
@testable import LKOServer
@testable import LKOStore
import LKOTestSupport
import Testing

/// The console's redirect form in a region: the Координатор picks a subordinate or superior ЛКО
/// from a list, and the case moves there.
@Suite("The console in a region (PostgreSQL)", .serialized, .enabled(if: TestDatabase.isPostgres))
struct ConsoleRegionTests {
    @Test func theRedirectFormOffersRelatedLKOAndMovesTheCase() async throws {
        let district = try ServerFixture(importDemoCases: true, address: TestDatabase.address(in: ""))
        let settlement = try ServerFixture(importDemoCases: false, address: TestDatabase.address(in: ""))
        let (districtID, settlementID) = (district.store.organization!, settlement.store.organization!)
        // The region's registry: the settlement reports to the district.
        let (region, regionAdmin) = try TestDatabase.region(password: testPassword, hasher: cheapHasher)
        try region.registerOrganization(by: regionAdmin, id: districtID, title: "Администрация Старицкого округа", superior: nil)
        try region.registerOrganization(by: regionAdmin, id: settlementID, title: "Луковниковское сельское поселение", superior: districtID)
        try region.close()

        try await district.application().test(.router) { client in
            let cookie: String = try await client.execute(
                uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"login":"head","password":"\#(testPassword)","cookie":true}"#)
            ) { response in
                String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            let page: String = try await client.execute(uri: "/cases/DEMO-0001", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(page.contains(#"<option value="\#(settlementID)">Луковниковское сельское поселение — подчинённая организация</option>"#), "\(page)")
            // The redirect form's own tokens.
            let form = try #require(page.range(of: #"id="form-redirect""#).map { String(page[$0.lowerBound...]) })
            func hidden(_ name: String) throws -> String {
                let pattern = try Regex(#"name="\#(name)" value="([^"]+)""#)
                return String(try #require(form.firstMatch(of: pattern)?.output[1].substring))
            }
            let body = "_csrf=\(try hidden("_csrf"))&_once=\(try hidden("_once"))&to=&organization=\(settlementID)&comment=%D0%BF%D0%BE+%D0%BA%D0%BE%D0%BC%D0%BF%D0%B5%D1%82%D0%B5%D0%BD%D1%86%D0%B8%D0%B8"
            try await client.execute(uri: "/cases/DEMO-0001/redirect", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)) { response in
                #expect(response.status == .seeOther, "\(String(buffer: response.body))")
            }
        }
        let sent = try district.store.read { db in try String.fetchOne(db, sql: "SELECT state FROM cases WHERE pos_number = 'DEMO-0001'") }
        #expect(sent == "redirected")
        let arrived = try settlement.store.read { db in try String.fetchOne(db, sql: "SELECT state FROM cases WHERE pos_number = 'DEMO-0001'") }
        #expect(arrived == "assigned" || arrived == "received")
    }
}
