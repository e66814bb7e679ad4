import Crypto
import Foundation
import LKOCalendar
import LKOCompiler
import LKOExportReader
import LKOStore

/// A row as stored in a snapshot: the export's fields plus what lko matched them to.
public struct SnapshotRow: Sendable, Equatable {
    public var record: ExportRecord
    /// The policy node, or nil when the titles did not match.
    public var node: String?
    public var coordinatorLogin: String?
    public var executorLogin: String?
    public var managerLogin: String?
}

public struct SnapshotInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var fileName: String
    public var format: String
    public var asOf: String
    public var importedAt: String
    public var importedBy: String
    public var policyVersion: String
    public var rowCount: Int
    public var issueCount: Int
    public var columnsMissing: [String]
}

/// What one `lko pos import` did.
public struct ImportReport: Sendable, Codable, Equatable {
    public struct Missing: Sendable, Codable, Equatable {
        public var column: String
        public var disables: String
    }

    public struct PersonIssue: Sendable, Codable, Equatable {
        public var name: String
        public var role: String
        /// Empty: no account has this full name; otherwise the accounts that share it.
        public var candidates: [String]
        public var rows: [Int]
        public var rowCount: Int
    }

    public var snapshot: SnapshotInfo
    public var alreadyImported: Bool
    public var emptyRows: Int
    public var missingColumns: [Missing]
    public var unknownHeaders: [String]
    public var issues: [RowIssue]
    public var normalizedTitles: Int
    public var unmatchedTitles: Int
    public var persons: [PersonIssue]
    public var events: [String: Int]
    public var previousSnapshot: Int64?

    public var errorCount: Int { issues.filter(\.isError).count }
}

public enum POSImportError: Error, Sendable, CustomStringConvertible, Equatable {
    case reader(ExportReaderError)
    case parser(ExportParser.Failure)

    public var description: String {
        switch self {
        case .reader(let error): error.description
        case .parser(let error): error.description
        }
    }
}

/// Imports an export as a snapshot: read (bounded), parse, match to the policy and the
/// accounts, store in one transaction with the events since the previous snapshot and an audit
/// entry. The same file twice is one snapshot (by its SHA-256).
public struct SnapshotImporter {
    public let store: Store
    public let policy: CompiledPolicy
    public let policyVersion: String
    public var limits = ExportLimits()

    public init(store: Store, policy: CompiledPolicy, policyVersion: String) {
        self.store = store
        self.policy = policy
        self.policyVersion = policyVersion
    }

    public func run(_ bytes: [UInt8], fileName: String, asOf: CalendarDate, actor: String, progress: ((String, Int, Int) -> Void)? = nil) throws -> ImportReport {
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        if let existing = try store.write({ db -> SnapshotInfo? in
            try SnapshotSchema.ensure(db)
            return try SnapshotQueries.snapshot(db, sql: "SELECT * FROM pos_snapshots WHERE file_sha256 = ?", arguments: [digest])
        }) {
            return ImportReport(snapshot: existing, alreadyImported: true, emptyRows: 0, missingColumns: [], unknownHeaders: [], issues: [],
                                normalizedTitles: 0, unmatchedTitles: 0, persons: [], events: [:], previousSnapshot: nil)
        }
        progress?("чтение", 0, 1)
        let grid: SheetGrid
        do {
            grid = try ExportReader.read(bytes, limits: limits)
        } catch {
            throw POSImportError.reader(error)
        }
        let parsed: ExportParser.Result
        do {
            parsed = try ExportParser.parse(grid) { progress?("разбор", $0, $1) }
        } catch {
            throw POSImportError.parser(error)
        }
        var issues = parsed.issues
        let titles = TitleMatcher(policy: policy)
        let accounts = try store.read { db in
            try SQLRow.fetchAll(db, sql: "SELECT login, full_name FROM accounts").map { (login: $0["login"] as String, fullName: $0["full_name"] as String) }
        }
        let persons = PersonMatcher(accounts: accounts)
        var titleCache: [[String?]: TitleMatcher.Outcome] = [:]
        var personCache: [String: PersonMatcher.Outcome] = [:]
        var personIssues: [String: ImportReport.PersonIssue] = [:]
        var normalizedTitles = 0, unmatched = 0
        var rows: [SnapshotRow] = []
        rows.reserveCapacity(parsed.records.count)
        func person(_ name: String?, role: String, row: Int) -> String? {
            guard let name else { return nil }
            let outcome: PersonMatcher.Outcome
            if let cached = personCache[name] { outcome = cached } else {
                outcome = persons.match(name)
                personCache[name] = outcome
            }
            switch outcome {
            case .login(let login): return login
            case .unknown, .ambiguous:
                let key = role + "\u{1F}" + TextKey.normalized(name)
                var entry = personIssues[key] ?? ImportReport.PersonIssue(name: name, role: role, candidates: [], rows: [], rowCount: 0)
                if case .ambiguous(let logins) = outcome { entry.candidates = logins }
                entry.rowCount += 1
                if entry.rows.count < 5 { entry.rows.append(row) }
                personIssues[key] = entry
                return nil
            }
        }
        for (index, record) in parsed.records.enumerated() {
            if index % 8192 == 0 { progress?("сопоставление", index, parsed.records.count) }
            let key = [record.category, record.subcategory, record.fact]
            let outcome: TitleMatcher.Outcome
            if let cached = titleCache[key] { outcome = cached } else {
                outcome = titles.match(category: record.category, subcategory: record.subcategory, fact: record.fact)
                titleCache[key] = outcome
            }
            var node: String?
            switch outcome {
            case .node(let path, let normalized):
                node = path
                if normalized { normalizedTitles += 1 }
            case .unknown(let message):
                unmatched += 1
                issues.append(RowIssue(row: record.row, number: record.number, message: message))
            }
            rows.append(SnapshotRow(record: record, node: node,
                                    coordinatorLogin: person(record.coordinator, role: "координатор", row: record.row),
                                    executorLogin: person(record.executor, role: "исполнитель", row: record.row),
                                    managerLogin: person(record.manager, role: "руководитель", row: record.row)))
        }
        issues.sort { ($0.row, $0.isError ? 0 : 1) < ($1.row, $1.isError ? 0 : 1) }
        let missing = parsed.columns.missing.map { ImportReport.Missing(column: $0.title, disables: $0.disables) }
        let now = store.clock.now()
        let snapshotIssues = issues.count
        let (info, previous, events) = try store.write { db -> (SnapshotInfo, Int64?, [String: Int]) in
            try SnapshotSchema.ensure(db)
            let previous = try Int64.fetchOne(db, sql: "SELECT id FROM pos_snapshots ORDER BY as_of DESC, id DESC LIMIT 1")
            let id = try db.insert(sql: """
                INSERT INTO pos_snapshots(file_sha256, file_name, format, as_of, imported_at, imported_by, policy_version, row_count, issue_count, columns_missing)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [digest, fileName, grid.format.rawValue, asOf.description, StoreClock.format(now), actor, policyVersion, rows.count, snapshotIssues,
                                 parsed.columns.missing.map(\.title).joined(separator: "; ")])
            let insert = try db.makeStatement(sql: """
                INSERT INTO pos_rows(snapshot_id, pos_number, row_number, epgu_number, source, category, subcategory, fact, node, regime, received, planned, actual,
                    stage, status, overdue_flag, fast_track, decision_type, rating, reexamination, coordinator, executor, manager, coordinator_login, executor_login, manager_login)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (index, row) in rows.enumerated() {
                if index % 8192 == 0 { progress?("запись", index, rows.count) }
                let r = row.record
                try insert.execute(arguments: [id, r.number, r.row, r.epguNumber, r.source, r.category, r.subcategory, r.fact, row.node, r.regime?.rawValue,
                                               r.received?.description, r.planned?.description, r.actual?.description, r.stage, r.status,
                                               r.overdueFlag, r.fastTrack, r.decisionType, r.rating, r.reexamination, r.coordinator, r.executor, r.manager,
                                               row.coordinatorLogin, row.executorLogin, row.managerLogin])
            }
            var counts: [String: Int] = [:]
            let before = try previous.map { try SnapshotQueries.rows(db, snapshot: $0) } ?? []
            let events = SnapshotEvents.between(before, rows, asOf: asOf)
            let event = try db.makeStatement(sql: "INSERT INTO pos_events(snapshot_id, pos_number, kind, old_value, new_value, day, dated_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for item in events {
                try event.execute(arguments: [id, item.number, item.kind, item.old, item.new, item.day.description, item.datedBy])
                counts[item.kind, default: 0] += 1
            }
            try AuditLog.append(db, at: now, actor: actor, action: "pos.import", object: "pos:snapshot:\(id)", details: [
                "file": fileName, "sha256": digest, "as_of": asOf.description, "rows": String(rows.count), "issues": String(snapshotIssues),
                "events": String(events.count), "policy": policyVersion, "format": grid.format.rawValue,
            ])
            let info = try SnapshotQueries.snapshot(db, sql: "SELECT * FROM pos_snapshots WHERE id = ?", arguments: [id])!
            return (info, previous, counts)
        }
        progress?("готово", 1, 1)
        return ImportReport(snapshot: info, alreadyImported: false, emptyRows: parsed.emptyRows, missingColumns: missing, unknownHeaders: parsed.columns.unknownHeaders,
                            issues: issues, normalizedTitles: normalizedTitles, unmatchedTitles: unmatched,
                            persons: personIssues.values.sorted { ($0.role, $0.name) < ($1.role, $1.name) }, events: events, previousSnapshot: previous)
    }
}

/// One change between two snapshots.
public struct SnapshotEvent: Sendable, Equatable, Codable {
    public var number: String
    public var kind: String
    public var old: String?
    public var new: String?
    public var day: CalendarDate
    /// Which date of the export dates it: `received`, `actual`, or `as_of` (the export's day).
    public var datedBy: String

    enum CodingKeys: String, CodingKey {
        case number, kind, old, new
        case day
        case datedBy = "dated_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(old, forKey: .old)
        try container.encodeIfPresent(new, forKey: .new)
        try container.encode(day.description, forKey: .day)
        try container.encode(datedBy, forKey: .datedBy)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(String.self, forKey: .number)
        kind = try container.decode(String.self, forKey: .kind)
        old = try container.decodeIfPresent(String.self, forKey: .old)
        new = try container.decodeIfPresent(String.self, forKey: .new)
        guard let parsed = CalendarDate(iso: try container.decode(String.self, forKey: .day)) else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: container, debugDescription: "not a date")
        }
        day = parsed
        datedBy = try container.decode(String.self, forKey: .datedBy)
    }

    public init(number: String, kind: String, old: String?, new: String?, day: CalendarDate, datedBy: String) {
        self.number = number
        self.kind = kind
        self.old = old
        self.new = new
        self.day = day
        self.datedBy = datedBy
    }
}

enum SnapshotEvents {
    /// Status and person changes from `before` to `after`, dated by the export's own dates
    /// where it has them: a new number by «Дата поступления», a closing status by «Дата
    /// фактического завершения работ», anything else by the export's day.
    static func between(_ before: [SnapshotRow], _ after: [SnapshotRow], asOf: CalendarDate) -> [SnapshotEvent] {
        var previous: [String: SnapshotRow] = [:]
        previous.reserveCapacity(before.count)
        for row in before { previous[row.record.number] = row }
        var events: [SnapshotEvent] = []
        for row in after {
            let new = row.record
            guard let old = previous[new.number]?.record else {
                if !before.isEmpty {
                    events.append(SnapshotEvent(number: new.number, kind: "appeared", old: nil, new: new.status, day: new.received ?? asOf, datedBy: new.received == nil ? "as_of" : "received"))
                }
                continue
            }
            if old.status != new.status {
                let closing = !new.isOpen && new.actual != nil
                events.append(SnapshotEvent(number: new.number, kind: "status", old: old.status, new: new.status,
                                            day: closing ? new.actual! : asOf, datedBy: closing ? "actual" : "as_of"))
            }
            for (kind, was, now) in [("executor", old.executor, new.executor), ("coordinator", old.coordinator, new.coordinator), ("manager", old.manager, new.manager)]
            where TextKey.normalized(was ?? "") != TextKey.normalized(now ?? "") {
                events.append(SnapshotEvent(number: new.number, kind: kind, old: was, new: now, day: asOf, datedBy: "as_of"))
            }
            if old.planned != new.planned {
                events.append(SnapshotEvent(number: new.number, kind: "planned", old: old.planned?.description, new: new.planned?.description, day: asOf, datedBy: "as_of"))
            }
        }
        return events
    }
}

/// Reading snapshots back.
public enum SnapshotQueries {
    static func snapshot(_ db: SQLDatabase, sql: String, arguments: SQLArguments) throws -> SnapshotInfo? {
        guard let row = try SQLRow.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
        let missing: String = row["columns_missing"]
        return SnapshotInfo(id: row["id"], fileName: row["file_name"], format: row["format"], asOf: row["as_of"], importedAt: row["imported_at"],
                            importedBy: row["imported_by"], policyVersion: row["policy_version"], rowCount: row["row_count"], issueCount: row["issue_count"],
                            columnsMissing: missing.isEmpty ? [] : missing.components(separatedBy: "; "))
    }

    /// The latest snapshot (by its export day, then by import order), or nil.
    public static func latest(_ db: SQLDatabase) throws -> SnapshotInfo? {
        guard try db.tableExists("pos_snapshots") else { return nil }
        return try snapshot(db, sql: "SELECT * FROM pos_snapshots ORDER BY as_of DESC, id DESC LIMIT 1", arguments: [])
    }

    public static func all(_ db: SQLDatabase) throws -> [SnapshotInfo] {
        guard try db.tableExists("pos_snapshots") else { return [] }
        return try SQLRow.fetchAll(db, sql: "SELECT id FROM pos_snapshots ORDER BY as_of, id").compactMap {
            try snapshot(db, sql: "SELECT * FROM pos_snapshots WHERE id = ?", arguments: [$0["id"] as Int64])
        }
    }

    public static func rows(_ db: SQLDatabase, snapshot: Int64) throws -> [SnapshotRow] {
        let cursor = try SQLRow.fetchCursor(db, sql: "SELECT * FROM pos_rows WHERE snapshot_id = ? ORDER BY row_number", arguments: [snapshot])
        var rows: [SnapshotRow] = []
        func day(_ text: String?) -> CalendarDate? { text.flatMap { CalendarDate(iso: $0) } }
        while let row = try cursor.next() {
            var record = ExportRecord(row: row["row_number"], number: row["pos_number"])
            record.epguNumber = row["epgu_number"]
            record.source = row["source"]
            record.category = row["category"]
            record.subcategory = row["subcategory"]
            record.fact = row["fact"]
            record.regime = (row["regime"] as String?).flatMap(Regime.init(rawValue:))
            record.received = day(row["received"])
            record.planned = day(row["planned"])
            record.actual = day(row["actual"])
            record.stage = row["stage"]
            record.status = row["status"]
            record.overdueFlag = row["overdue_flag"]
            record.fastTrack = row["fast_track"]
            record.decisionType = row["decision_type"]
            record.rating = row["rating"]
            record.reexamination = row["reexamination"]
            record.coordinator = row["coordinator"]
            record.executor = row["executor"]
            record.manager = row["manager"]
            rows.append(SnapshotRow(record: record, node: row["node"], coordinatorLogin: row["coordinator_login"], executorLogin: row["executor_login"], managerLogin: row["manager_login"]))
        }
        return rows
    }

    public static func events(_ db: SQLDatabase, number: String? = nil) throws -> [SnapshotEvent] {
        guard try db.tableExists("pos_events") else { return [] }
        let sql = "SELECT * FROM pos_events" + (number == nil ? "" : " WHERE pos_number = ?") + " ORDER BY day, id"
        return try SQLRow.fetchAll(db, sql: sql, arguments: number.map { [$0] } ?? []).map {
            SnapshotEvent(number: $0["pos_number"], kind: $0["kind"], old: $0["old_value"], new: $0["new_value"], day: CalendarDate(iso: $0["day"] as String) ?? CalendarDate(dayNumber: 0), datedBy: $0["dated_by"])
        }
    }
}
