import Crypto
import Foundation

/// The content hash that names a policy version.
public enum PolicyVersion {
    /// `sha256:<hex>` over the canonical JSON of the tables with every source position, the file
    /// list and the version itself blanked: what the policy *does*, not how it is written.
    public static func compute(_ tables: PolicyTables) -> String {
        // The same bytes as `TablesJSON.encode(semantic, pretty: false)` of the tables with
        // positions, sources and version blanked (see `computeWithEncoder`), written by hand
        // straight into the hash. Grants are sorted by content with the position as the last
        // key; blanking positions keeps that order, so the hash does not depend on where a grant
        // was written.
        var writer = CanonicalJSONWriter(sink: SHA256Sink(), semantic: true)
        writer.write(tables)
        return "sha256:" + hex(writer.finish().hasher.finalize())
    }

    /// The reference definition of ``compute(_:)`` through `JSONEncoder` (slow; for tests).
    static func computeWithEncoder(_ tables: PolicyTables) -> String {
        var semantic = tables
        semantic.version = ""
        semantic.sources = []
        semantic.organization.position = ""
        semantic.roles = semantic.roles.map { var row = $0; row.position = ""; return row }
        semantic.roleActions = semantic.roleActions.map { var row = $0; row.position = ""; return row }
        semantic.nodes = semantic.nodes.map { var row = $0; row.position = ""; return row }
        semantic.grants = semantic.grants.map { var row = $0; row.position = ""; return row }
        semantic.autoRules = semantic.autoRules.map { var row = $0; row.position = ""; return row }
        semantic.fastTracks = semantic.fastTracks.map { var row = $0; row.position = ""; return row }
        semantic.calendar = semantic.calendar.map { var row = $0; row.position = ""; return row }
        semantic.calendarYears = semantic.calendarYears.map { var row = $0; row.position = ""; return row }
        semantic.substitutes = semantic.substitutes?.map { var row = $0; row.position = ""; return row }
        semantic.acceptances = semantic.acceptances?.map { var row = $0; row.position = ""; return row }
        return "sha256:" + sha256Hex(Array(TablesJSON.encode(semantic, pretty: false)))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        let digest = SHA256.hash(data: Array(bytes))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// Deterministic JSON for the tables: sorted keys, no escaped slashes, a final newline.
public enum TablesJSON {
    public static func encode(_ tables: PolicyTables, pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain rows of strings, numbers and booleans cannot fail.
        var data = (try? encoder.encode(tables)) ?? Data()
        if pretty { data.append(UInt8(ascii: "\n")) }
        return data
    }

    public static func decode(_ data: Data) throws -> PolicyTables {
        try JSONDecoder().decode(PolicyTables.self, from: data)
    }
}
