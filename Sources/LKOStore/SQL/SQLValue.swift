import Foundation

/// One value read from or written to the database, whichever engine holds it.
///
/// The cases and their printed form are those of SQLite's storage classes (and of GRDB's
/// `DatabaseValue.Storage`), because the row digests of the audit chain (``AuditRows``) are
/// computed from this printed form: a row moved from SQLite to PostgreSQL keeps its digest.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case int64(Int64)
    case double(Double)
    case string(String)
    case blob(Data)

    public var isNull: Bool { self == .null }
}

extension SQLValue {
    /// The text a row digest is computed from: `int64(5)`, `string("a")`; NUL for NULL.
    var digestText: String {
        switch self {
        case .null: return "\u{0}"
        case .int64(let value): return String(describing: Storage.int64(value))
        case .double(let value): return String(describing: Storage.double(value))
        case .string(let value): return String(describing: Storage.string(value))
        case .blob(let value): return String(describing: Storage.blob(value))
        }
    }

    /// Printed exactly as GRDB's storage enum prints (the form every recorded digest used).
    private enum Storage {
        case int64(Int64)
        case double(Double)
        case string(String)
        case blob(Data)
    }
}
