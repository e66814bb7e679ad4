import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOMessages

/// Policy versions: `lko apply`, `lko rollback`, `lko history`, `lko show-policy`.
///
/// A version is identified by its content hash (``PolicyTables/version``) and stored once, with
/// its source files and compiled tables. Each activation — an apply or a rollback — is a new row,
/// written with its audit entry in one transaction, so a crash leaves either the old or the new
/// version active.
extension Store {
    /// What `lko apply` did.
    public enum ApplyOutcome: Sendable {
        /// The policy is already active: nothing was written.
        case unchanged(version: String)
        /// `warnings`: messages of the catalog, rendered in the reader's language.
        case applied(version: String, summary: ChangeSummary, warnings: [Message])
    }

    /// Why a policy was refused before anything was written: the reason, and the lines under it
    /// (the compiler's diagnostics as it renders them, or the failed tests), as messages of the
    /// catalog rendered in the reader's language.
    public struct PolicyRefusal: Error, CustomStringConvertible, Sendable {
        public var reason: Message
        public var lines: [Message]

        public init(reason: Message, lines: [Message]) {
            self.reason = reason
            self.lines = lines
        }

        /// A refusal for failed policy tests: `FAIL position  test`, the expectation, and what
        /// happened (`got: …`), the rest of it aligned under the first line.
        public init(failing report: PolicyTestRunner.Report) {
            var lines: [Message] = []
            for result in report.results where !result.passed {
                lines.append(Message(.applyTestFailure, ["position": .text(result.position), "test": .text(result.test)]))
                lines.append(Message(.verbatim, ["text": .text("     " + result.expectation)]))
                for (index, message) in result.messages.enumerated() {
                    lines.append(Message(index == 0 ? .applyTestGot : .applyTestGotMore, ["detail": .message(message)]))
                }
            }
            self.init(reason: Message(.errPolicyTestsFail, ["failed": .text("\(report.failed)"), "total": .text("\(report.results.count)")]), lines: lines)
        }

        /// The compiler's diagnostics as it renders them, line by line, in both languages (the
        /// excerpts, carets and positions are the same in each).
        static func lines(_ diagnostics: [Diagnostic], sources: SourceSet) -> [Message] {
            func rendered(_ language: Language) -> [String] {
                DiagnosticRenderer(sources: sources, language: language).render(diagnostics).trimmingCharacters(in: .newlines)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let russian = rendered(.ru), english = rendered(.en)
            guard russian.count == english.count else {
                return [Message(.verbatim, ["text": .pair(ru: russian.joined(separator: "\n"), en: english.joined(separator: "\n"))])]
            }
            return zip(russian, english).map { Message(.verbatim, ["text": .pair(ru: $0, en: $1)]) }
        }

        /// The lines under the reason, in a language.
        public func details(in language: Language) -> String {
            lines.map { $0.render(language) }.joined(separator: "\n")
        }

        /// ``details(in:)`` in Russian.
        public var details: String { details(in: .ru) }

        public var description: String {
            "the policy is not applied: \(reason.render(.en))" + (lines.isEmpty ? "" : "\n" + details(in: .en))
        }
    }

    /// Checks, tests, compares and activates a policy.
    public func apply(_ sources: SourceSet, message: String, by actor: Account, provenance: PolicyProvenance? = nil) throws -> ApplyOutcome {
        try authorize(actor, .managePolicy)
        let now = clock.now()
        let compilation = PolicyCompiler.compile(sources, options: CompileOptions(lintDate: nil, lint: false))
        guard let policy = compilation.policy, !compilation.hasErrors else {
            let count = compilation.diagnostics.errorCount
            throw PolicyRefusal(reason: Message(.errPolicyHasErrors, ["errors": .pair(ru: Messages.count(count, .error, in: .ru), en: Messages.count(count, .error, in: .en))]),
                                lines: PolicyRefusal.lines(compilation.diagnostics.filter { $0.severity == .error }, sources: compilation.sources))
        }
        let report = PolicyTestRunner.run(compilation, today: today(policy: policy))
        guard report.failed == 0 else {
            throw PolicyRefusal(failing: report)
        }
        let tables = policy.tables
        let sourcesJSON = try Store.encodeSources(sources)
        let tablesJSON = String(decoding: TablesJSON.encode(tables.storageForm, pretty: false), as: UTF8.self)
        return try write { db -> ApplyOutcome in
            let active = try Store.activePolicy(db, cache: activeCache)
            if active?.version == tables.version { return .unchanged(version: tables.version) }
            let activeLogins = try AccountRepository.activeLogins(db, now: now)
            let day = today(policy: policy)
            guard activeLogins.contains(where: { policy.decide(login: $0, action: .managePolicy, node: nil, assignee: nil, on: day) }) else {
                throw StoreError.policyLockout
            }
            let accounts = Set(try AccountRepository.all(db).map(\.login))
            var warnings = tables.logins.filter { !accounts.contains($0) }.map { Message(.applyWarnNoAccount, ["login": .text($0)]) }
            // Grants and eligibility naming disabled or removed accounts (W0511).
            var statuses: [String: String] = [:]
            for row in try SQLRow.fetchAll(db, sql: "SELECT login, status, removed_at FROM accounts") {
                statuses[row["login"]] = (row["removed_at"] as String?) != nil ? "removed" : row["status"]
            }
            // The finding's code, then its text (a message of the catalog).
            warnings += AccountFindings.run(compilation, accounts: statuses).map { Message(.verbatim, ["text": .messages([Message(.verbatim, ["text": .text($0.code.rawValue)]), $0.text], separator: " ")]) }
            let versionID = try Store.storeVersion(db, tables: tables, sourcesJSON: sourcesJSON, tablesJSON: tablesJSON, actor: actor.login, now: now)
            try db.execute(sql: "INSERT INTO activations(version_id, kind, actor, at, message, git_commit, git_clean) VALUES (?, 'apply', ?, ?, ?, ?, ?)", arguments: [versionID, actor.login, StoreClock.format(now), message, provenance?.commit, provenance.map { $0.clean ? 1 : 0 }])
            let summary = ChangeSummary(from: active?.policy.tables, to: tables)
            try AuditLog.append(db, at: now, actor: actor.login, action: "policy.apply", object: "policy:\(tables.version)", details: [
                "previous": active?.version ?? "none", "message": message,
                "grants_added": String(summary.grantsAdded.count), "grants_removed": String(summary.grantsRemoved.count),
            ].merging(provenance.map { ["git_commit": $0.commit, "git_clean": $0.clean ? "yes" : "no"] } ?? [:]) { $1 })
            return .applied(version: tables.version, summary: summary, warnings: warnings)
        }
    }

    /// Re-activates an earlier version (by activation number, version-id number or hash prefix;
    /// default: the one active before the current). The rollback is itself a new activation.
    public func rollback(to reference: String?, message: String, by actor: Account) throws -> (version: String, summary: ChangeSummary) {
        try authorize(actor, .managePolicy)
        let now = clock.now()
        return try write { db in
            guard let active = try Store.activePolicy(db, cache: activeCache) else { throw StoreError.nothingToRollBack }
            let target: (id: Int64, version: String)
            if let reference {
                target = try Store.resolveVersion(db, reference)
            } else {
                guard let row = try SQLRow.fetchOne(db, sql: """
                    SELECT v.id, v.version FROM activations a JOIN policy_versions v ON v.id = a.version_id
                    WHERE a.id < ? AND v.id != ? ORDER BY a.id DESC LIMIT 1
                    """, arguments: [active.activationID, active.versionID]) else { throw StoreError.nothingToRollBack }
                target = (row["id"], row["version"])
            }
            if target.id == active.versionID { throw StoreError.versionAlreadyActive(target.version) }
            let tablesText = try String.fetchOne(db, sql: "SELECT tables FROM policy_versions WHERE id = ?", arguments: [target.id]) ?? ""
            let policy = try CompiledPolicy(tables: Store.decodeTables(tablesText))
            let day = today(policy: policy)
            let activeLogins = try AccountRepository.activeLogins(db, now: now)
            guard activeLogins.contains(where: { policy.decide(login: $0, action: .managePolicy, node: nil, assignee: nil, on: day) }) else {
                throw StoreError.policyLockout
            }
            try db.execute(sql: "INSERT INTO activations(version_id, kind, actor, at, message) VALUES (?, 'rollback', ?, ?, ?)", arguments: [target.id, actor.login, StoreClock.format(now), message])
            try AuditLog.append(db, at: now, actor: actor.login, action: "policy.rollback", object: "policy:\(target.version)", details: ["previous": active.version, "message": message])
            return (target.version, ChangeSummary(from: active.policy.tables, to: policy.tables))
        }
    }

    public struct Activation: Sendable, Codable, Equatable {
        public var activation: Int64
        public var versionID: Int64
        public var version: String
        public var kind: String
        public var actor: String
        public var at: String
        public var message: String
        public var isActive: Bool
        /// The git commit the applied policy came from, and whether the tree was clean.
        public var gitCommit: String? = nil
        public var gitClean: Bool? = nil
    }

    public func history() throws -> [Activation] {
        try read { db in
            let rows = try SQLRow.fetchAll(db, sql: """
                SELECT a.id, a.version_id, v.version, a.kind, a.actor, a.at, a.message, a.git_commit, a.git_clean
                FROM activations a JOIN policy_versions v ON v.id = a.version_id ORDER BY a.id
                """)
            let lastID: Int64? = rows.last?["id"]
            return rows.map { row in
                Activation(activation: row["id"], versionID: row["version_id"], version: row["version"], kind: row["kind"], actor: row["actor"], at: row["at"], message: row["message"], isActive: row["id"] == lastID,
                           gitCommit: row["git_commit"], gitClean: (row["git_clean"] as Int?).map { $0 != 0 })
            }
        }
    }

    public struct StoredVersion: Sendable {
        public var id: Int64
        public var version: String
        public var files: [StoredFile]
        public var tables: PolicyTables
        public var createdAt: String
        public var createdBy: String
    }

    public struct StoredFile: Codable, Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// A stored version (default: the active one) with its source files.
    public func storedVersion(_ reference: String?) throws -> StoredVersion {
        try read { db in
            let id: Int64
            if let reference {
                id = try Store.resolveVersion(db, reference).id
            } else {
                guard let active = try Store.activePolicy(db, cache: activeCache) else { throw StoreError.noActivePolicy }
                id = active.versionID
            }
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM policy_versions WHERE id = ?", arguments: [id]) else { throw StoreError.unknownVersion(reference ?? "") }
            let files = try JSONDecoder().decode([StoredFile].self, from: Data((row["sources"] as String).utf8))
            let tables = try Store.decodeTables(row["tables"])
            return StoredVersion(id: id, version: row["version"], files: files, tables: tables, createdAt: row["created_at"], createdBy: row["created_by"])
        }
    }

    static func resolveVersion(_ db: SQLDatabase, _ reference: String) throws -> (id: Int64, version: String) {
        if let number = Int64(reference), let row = try SQLRow.fetchOne(db, sql: "SELECT id, version FROM policy_versions WHERE id = ?", arguments: [number]) {
            return (row["id"], row["version"])
        }
        let prefix = reference.hasPrefix("sha256:") ? reference : "sha256:" + reference
        guard prefix.count >= 7 + 6 else { throw StoreError.unknownVersion(reference) }
        let rows = try SQLRow.fetchAll(db, sql: "SELECT id, version FROM policy_versions WHERE substr(version, 1, ?) = ?", arguments: [prefix.count, prefix])
        guard rows.count == 1 else { throw rows.isEmpty ? StoreError.unknownVersion(reference) : StoreError.ambiguousVersion(reference, count: rows.count) }
        return (rows[0]["id"], rows[0]["version"])
    }

    static func storeVersion(_ db: SQLDatabase, tables: PolicyTables, sourcesJSON: String, tablesJSON: String, actor: String, now: Date) throws -> Int64 {
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM policy_versions WHERE version = ?", arguments: [tables.version]) {
            return existing
        }
        return try db.insert(sql: "INSERT INTO policy_versions(version, sources, tables, created_at, created_by) VALUES (?, ?, ?, ?, ?)", arguments: [tables.version, sourcesJSON, tablesJSON, StoreClock.format(now), actor])
    }

    static func encodeSources(_ sources: SourceSet) throws -> String {
        let files = sources.files.map { StoredFile(path: $0.path, text: $0.text) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(files), as: UTF8.self)
    }
}
