import Foundation
import LKOStore

/// An ЛКО of the region a case may be redirected into from this one (the console's choice).
public struct RegionalDestination: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// `subordinate` or `superior`, as ПОС calls a redirect there.
    public var kind: String
    /// The kind in the order's words: «подчинённая организация», «вышестоящая организация».
    public var kindTitle: String
}

extension LKOService {
    /// The subordinate and superior ЛКО of this one in the region's registry (none on SQLite,
    /// or when this organization is not registered).
    public func regionalDestinations() throws -> [RegionalDestination] {
        try run {
            guard let here = store.organization else { return [] }
            let registry = try store.regionOrganizations()
            guard let mine = registry.first(where: { $0.id == here }) else { return [] }
            let superior = registry.filter { $0.id == mine.superior }
                .map { RegionalDestination(id: $0.id, title: $0.title, kind: "superior", kindTitle: "вышестоящая организация") }
            let subordinates = registry.filter { $0.superior == here }
                .map { RegionalDestination(id: $0.id, title: $0.title, kind: "subordinate", kindTitle: "подчинённая организация") }
            return superior + subordinates
        }
    }
}
