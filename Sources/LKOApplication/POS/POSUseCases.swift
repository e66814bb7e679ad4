import Foundation
import LKOCalendar
import LKOCompiler
import LKOExportReader
import LKOPOS
import LKOStore
import LKOWorkflow
import LKOMessages

/// The bridge to the real ПОС (docs/pos.md): its export in as snapshots, the snapshot against
/// the policy, the daily monitoring, and the ЛКО configuration sheet out.
extension LKOService {
    /// Allowed when the caller holds any of `actions` today; otherwise the store's refusal
    /// (audited, with the explanation) for the first.
    func requireAny(_ caller: Caller, _ actions: [Action], workflow: Workflow) throws {
        let day = workflow.today
        if actions.contains(where: { workflow.policy.decide(login: caller.login, action: $0, node: nil, assignee: nil, on: day) }) { return }
        try store.authorize(caller.account, actions[0])
    }

    func posNames() throws -> [String: String] {
        try store.read { try PersonNames.load($0) }.byLogin.filter { !$0.value.isEmpty }
    }

    /// `lko pos import`: the export as a snapshot (needs `assign` — the coordinator — or
    /// `manage_policy`). The same file again changes nothing.
    public func posImport(_ caller: Caller, bytes: [UInt8], fileName: String, asOf: String? = nil, progress: ((String, Int, Int) -> Void)? = nil) throws -> ImportReport {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.assign, .managePolicy], workflow: workflow)
            let day = try DayInput.field(asOf, name: "as_of", required: false) ?? workflow.today
            do {
                return try SnapshotImporter(store: store, policy: workflow.policy, policyVersion: workflow.active.version)
                    .run(bytes, fileName: fileName, asOf: day, actor: caller.login, progress: progress)
            } catch let error as POSImportError {
                throw AppError(.invalid, code: "pos_export", message: error.description)
            }
        }
    }

    /// The latest snapshot and its rows, or a refusal saying to import one first.
    func latestSnapshot() throws -> (SnapshotInfo, [SnapshotRow]) {
        let found = try store.read { db -> (SnapshotInfo, [SnapshotRow])? in
            guard let latest = try SnapshotQueries.latest(db) else { return nil }
            return (latest, try SnapshotQueries.rows(db, snapshot: latest.id))
        }
        guard let found else {
            throw AppError(.conflict, code: "no_pos_snapshot", Message(.errNoPOSSnapshot))
        }
        return found
    }

    /// `lko pos monitor`: the daily «Мониторинг» per executor (needs `report`).
    public func posMonitor(_ caller: Caller, at: String? = nil) throws -> MonitorReport {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.report], workflow: workflow)
            let (snapshot, rows) = try latestSnapshot()
            let day = try DayInput.field(at, name: "at", required: false) ?? CalendarDate(iso: snapshot.asOf) ?? workflow.today
            return Monitor.build(rows, snapshot: snapshot, day: day, calendar: workflow.calendar, names: try posNames())
        }
    }

    /// `lko pos drift`: the latest snapshot against the active policy (needs `report`).
    public func posDrift(_ caller: Caller, from: String? = nil, to: String? = nil) throws -> DriftReport {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.report, .managePolicy], workflow: workflow)
            let start = try DayInput.field(from, name: "from", required: false)
            let end = try DayInput.field(to, name: "to", required: false)
            if let start, let end, start > end { throw AppError.invalid(.errPeriodStartAfterEnd, field: "from") }
            let (snapshot, rows) = try latestSnapshot()
            return DriftAnalyzer(policy: workflow.policy, calendar: workflow.calendar, names: try posNames()).analyze(rows, snapshot: snapshot, from: start, to: end)
        }
    }

    /// Events recorded between snapshots (for one ПОС number, or all).
    public func posEvents(_ caller: Caller, number: String? = nil) throws -> [SnapshotEvent] {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.report], workflow: workflow)
            return try store.read { try SnapshotQueries.events($0, number: number) }
        }
    }

    /// `lko pos sheet`: the configuration sheet of the active policy and, with `since`, what
    /// changed since that version (`last`: the version last recorded by `lko pos applied`).
    /// Needs `manage_policy` or `report`.
    public func posSheet(_ caller: Caller, since: String? = nil) throws -> (sheet: ConfigurationSheet, changes: SheetChanges?) {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.managePolicy, .report], workflow: workflow)
            let names = try posNames()
            let sheet = ConfigurationSheet(policy: workflow.policy, names: names)
            guard let since else { return (sheet, nil) }
            var reference = since
            if since == "last" {
                guard let last = try store.read({ db -> String? in
                    guard try db.tableExists("pos_applied") else { return nil }
                    return try String.fetchOne(db, sql: "SELECT version FROM pos_applied ORDER BY id DESC LIMIT 1")
                }) else {
                    throw AppError(.conflict, code: "nothing_applied", Message(.errNothingApplied))
                }
                reference = last
            }
            let old = try store.storedVersion(reference)
            let oldSheet = ConfigurationSheet(policy: try CompiledPolicy(tables: old.tables), names: names)
            return (sheet, SheetChanges(from: oldSheet, to: sheet))
        }
    }

    /// `lko pos applied VERSION`: records (and audits) that the ЛКО now matches that policy
    /// version (needs `manage_policy`). Returns the full version.
    public func posApplied(_ caller: Caller, version reference: String) throws -> String {
        try run {
            let workflow = try workflow()
            try store.authorize(caller.account, .managePolicy)
            let version = try store.storedVersion(reference).version
            let now = store.clock.now()
            try store.write { db in
                try SnapshotSchema.ensure(db)
                try db.execute(sql: "INSERT INTO pos_applied(version, at, actor) VALUES (?, ?, ?)", arguments: [version, StoreClock.format(now), caller.login])
                try AuditLog.append(db, at: now, actor: caller.login, action: "pos.applied", object: "pos:lko", details: ["version": version, "active": workflow.active.version])
            }
            return version
        }
    }

    /// A realistic export of `rows` rows under the active policy, for rehearsals and
    /// measurements (`lko pos generate`). Needs `manage_policy` or `report`.
    public func posGenerate(_ caller: Caller, rows: Int, seed: UInt64, asOf: String?, csv: Bool, messy: Bool) throws -> [UInt8] {
        try run {
            let workflow = try workflow()
            try requireAny(caller, [.managePolicy, .report], workflow: workflow)
            guard (1...1_048_000).contains(rows) else { throw AppError.invalid(.errSheetRowsRange, field: "rows") }
            var options = ExportGenerator.Options()
            options.rows = rows
            options.seed = seed
            options.messy = messy
            options.asOf = try DayInput.field(asOf, name: "as_of", required: false) ?? workflow.today
            let generator = ExportGenerator(policy: workflow.policy, calendar: workflow.calendar, names: try posNames())
            return csv ? generator.csv(options) : try generator.xlsx(options)
        }
    }
}
