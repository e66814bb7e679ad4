
extension Store {
    /// Who holds which open case: what a policy review needs to flag people about to lose access
    /// to work in their hands.
    public func openCaseHolders() throws -> [(posNumber: String, node: String, assignee: String)] {
        try read { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT pos_number, node, assignee FROM cases
                WHERE assignee IS NOT NULL AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')
                ORDER BY pos_number
                """).map { (posNumber: $0["pos_number"], node: $0["node"], assignee: $0["assignee"]) }
        }
    }
}
