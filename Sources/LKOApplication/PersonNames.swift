import LKOStore

/// Full names by login, for every place a person is shown (the order's people are named, not
/// their logins). Pseudo-actors keep a Russian name of their own.
public struct PersonNames: Sendable {
    var byLogin: [String: String]

    static func load(_ db: SQLDatabase) throws -> PersonNames {
        var names: [String: String] = [:]
        for row in try SQLRow.fetchAll(db.cachedStatement(sql: "SELECT login, full_name FROM accounts")) {
            names[row["login"]] = row["full_name"]
        }
        return PersonNames(byLogin: names)
    }

    public func name(_ login: String) -> String {
        if let name = byLogin[login], !name.isEmpty { return name }
        switch login {
        case "system": return "Система (автоматически)"
        case "coordinator": return "Координатор"
        case "moderator": return "Модератор ПОС"
        case "pos", "import": return "ПОС"
        default: return login
        }
    }
}
