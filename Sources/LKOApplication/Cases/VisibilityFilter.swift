import LKOStore
import LKOCalendar
import LKOCompiler

/// The cases a person may `view` (or `approve`), as an SQL condition, so that a list is counted
/// and paged by SQLite instead of decoding every row to decide on each.
///
/// A decision depends on the case only through its node and whether it is assigned to the
/// person (scope `assigned`): so "may view" is exactly
/// `node ∈ N_any OR (assignee = login AND node ∈ N_assigned)`, where the two node sets come from
/// asking the compiled policy once per node. The list code still re-checks each row it returns
/// with `decide`, so a disagreement could only hide a row, never show one.
struct VisibilityFilter {
    var sql: String
    var arguments: SQLArguments

    /// `absences`: those the person stands in for, whose derived rights count too (issue 14).
    init(policy: CompiledPolicy, login: String, action: Action, day: CalendarDate, absences: [AbsenceFact] = []) {
        var anyone: [String] = []
        var assigned: [String] = []
        for index in policy.tables.nodes.indices {
            let path = policy.node(index).path
            if policy.decide(login: login, action: action, node: index, assignee: nil, on: day, absences: absences) {
                anyone.append(path)
            } else if policy.decide(login: login, action: action, node: index, assignee: login, on: day, absences: absences) {
                assigned.append(path)
            }
        }
        func list(_ paths: [String]) -> String { paths.isEmpty ? "NULL" : Array(repeating: "?", count: paths.count).joined(separator: ", ") }
        sql = "(node IN (\(list(anyone))) OR (assignee = ? AND node IN (\(list(assigned)))))"
        arguments = SQLArguments(anyone) + [login] + SQLArguments(assigned)
    }
}
