import Foundation
import LKOMessages
import LKOCalendar
import LKOCompiler
import LKOStore

/// `lko case import`: cases from a ПОС export, one JSON object per line.
///
/// Idempotent by ПОС number: a case already stored is left alone, except that a case still in
/// moderation takes the moderator's decision from a newer line. Each line is its own savepoint,
/// so a bad line is reported (with its number and reason) and skipped while good lines go in —
/// never half a case. Lines are committed in batches for speed; each batch's transaction also
/// writes its own audit entry (counts, first and last ПОС number, policy version), so the cases
/// of an import killed midway are audited batch by batch.
///
/// The policy is pinned for the whole run: every line is routed by the version active when the
/// run started (the workflow's), which the report names; if another version was applied during
/// the run, the report says which (`policy_active_at_end`) — the cases already imported keep
/// their routing, as any case does when the policy changes.
public struct CaseImporter {
    public struct Report: Sendable, Codable, Equatable {
        public var inserted = 0
        public var moderated = 0
        public var unchanged = 0
        public var bad: [BadLine] = []
        /// The policy version every line was routed by (pinned at the start of the run).
        public var policyVersion = ""
        /// The active version at the end of the run, when another one was applied meanwhile.
        public var policyActiveAtEnd: String?

        public init() {}

        enum CodingKeys: String, CodingKey {
            case inserted, moderated, unchanged, bad
            case policyVersion = "policy_version"
            case policyActiveAtEnd = "policy_active_at_end"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            inserted = try container.decode(Int.self, forKey: .inserted)
            moderated = try container.decode(Int.self, forKey: .moderated)
            unchanged = try container.decode(Int.self, forKey: .unchanged)
            bad = try container.decode([BadLine].self, forKey: .bad)
            policyVersion = try container.decodeIfPresent(String.self, forKey: .policyVersion) ?? ""
            policyActiveAtEnd = try container.decodeIfPresent(String.self, forKey: .policyActiveAtEnd)
        }

        /// Cases written (new or moderated).
        public var stored: Int { inserted + moderated }
    }

    /// The import stopped: a batch could not be committed (a full disk, a database size limit,
    /// an I/O error). The batches before it are committed and audited; `report` counts them.
    /// The import is idempotent, so running it again after the cause is fixed completes it.
    public struct Interrupted: Error, CustomStringConvertible, Sendable {
        /// What was committed before the failure.
        public var report: Report
        /// The lines of the batch that failed (nothing of them is stored).
        public var failedLines: ClosedRange<Int>
        public var isDiskFull: Bool
        /// The underlying error, as SQLite or the store said it.
        public var underlying: String

        public var description: String {
            let cause = isDiskFull ? "the database or its disk is full" : "the database refused the write"
            return "the import stopped at lines \(failedLines.lowerBound)–\(failedLines.upperBound): \(cause) (\(underlying)). "
                + "\(report.stored) case(s) were stored before it (\(report.inserted) new, \(report.moderated) moderated; \(report.unchanged) unchanged, \(report.bad.count) bad line(s)); "
                + "nothing from line \(failedLines.lowerBound) on was stored. "
                + (isDiskFull ? "Free disk space (or raise the limit) and run the same import again: " : "Fix the cause and run the same import again: ")
                + "cases already stored are left unchanged."
        }
    }

    public struct BadLine: Sendable, Codable, Equatable {
        public var line: Int
        /// In English, as the importer writes it (the JSON's `reason`).
        public var reason: String
        /// The reason from the catalog, when there is one (the CLI shows it in the reader's
        /// language); nil for a report that came over the API.
        public var text: Message?

        enum CodingKeys: String, CodingKey {
            case line, reason
        }

        public init(line: Int, reason: String, text: Message? = nil) {
            self.line = line
            self.reason = reason
            self.text = text
        }
    }

    let workflow: Workflow
    let batchSize: Int

    public init(workflow: Workflow, batchSize: Int = 500) {
        self.workflow = workflow
        self.batchSize = batchSize
    }

    /// Imports every line of `data`; `progress` is called after each batch with lines done.
    /// Throws ``Interrupted`` if a batch cannot be committed.
    public func run(_ data: Data, actor: String, progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        let lines = CaseImporter.splitLines(data)
        var report = Report()
        let version = workflow.active.version
        report.policyVersion = version
        let decoder = JSONDecoder()
        var index = 0
        var batchNumber = 0
        while index < lines.count {
            let end = min(index + batchSize, lines.count)
            let batch = lines[index..<end]
            batchNumber += 1
            let batchIndex = batchNumber
            let batchReport: Report
            do {
                batchReport = try workflow.store.write { db in
                    var partial = Report()
                    var first: String?
                    var last: String?
                    for (number, bytes) in batch {
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        do {
                            let line: ImportLine
                            do {
                                line = try decoder.decode(ImportLine.self, from: Data(bytes))
                            } catch let error as ImportError {
                                throw error
                            } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
                                if context.codingPath.isEmpty { throw ImportError(.impNotObjectBare) }
                                throw ImportError(.impWrongType, ["field": .text(context.codingPath.map(\.stringValue).joined(separator: "."))])
                            } catch {
                                throw ImportError(.impNotObject, ["reason": .text(CaseImporter.shortReason(error))])
                            }
                            let validated = try line.validated(policy: workflow.policy)
                            var outcome = Outcome.unchanged
                            try db.inSavepoint {
                                outcome = try store(db, validated, actor: actor)
                            }
                            switch outcome {
                            case .inserted: partial.inserted += 1
                            case .moderated: partial.moderated += 1
                            case .unchanged: partial.unchanged += 1
                            }
                            if outcome != .unchanged {
                                first = first ?? validated.line.posNumber
                                last = validated.line.posNumber
                            }
                        } catch let error as ImportError {
                            partial.bad.append(BadLine(line: number, reason: error.description, text: error.message))
                        } catch let error as WorkflowError {
                            partial.bad.append(BadLine(line: number, reason: error.description, text: error.message))
                        }
                    }
                    // The batch's own audit entry, committed with its cases.
                    var details = [
                        "batch": String(batchIndex), "lines": "\(batch.first!.0)-\(batch.last!.0)",
                        "inserted": String(partial.inserted), "moderated": String(partial.moderated), "unchanged": String(partial.unchanged), "bad": String(partial.bad.count),
                        "policy": version,
                    ]
                    if let first, let last {
                        details["first"] = first
                        details["last"] = last
                    }
                    try AuditLog.append(db, at: workflow.store.clock.now(), actor: actor, action: "case.import.batch", object: "import", details: details)
                    return partial
                }
            } catch {
                let lineRange = batch.first!.0...batch.last!.0
                let full = Store.isDiskFull(error)
                let interrupted = Interrupted(report: report, failedLines: lineRange, isDiskFull: full, underlying: CaseImporter.shortReason(error))
                // Best effort: on a full disk this cannot be written either; the batches before
                // are audited already.
                try? workflow.store.write { db in
                    _ = try AuditLog.append(db, at: workflow.store.clock.now(), actor: actor, action: "case.import", object: "cases", details: [
                        "inserted": String(report.inserted), "moderated": String(report.moderated), "unchanged": String(report.unchanged), "bad": String(report.bad.count),
                        "policy": version, "interrupted_at_line": String(lineRange.lowerBound),
                    ])
                }
                throw interrupted
            }
            report.inserted += batchReport.inserted
            report.moderated += batchReport.moderated
            report.unchanged += batchReport.unchanged
            report.bad += batchReport.bad
            index = end
            progress(index, lines.count)
        }
        if let now = try workflow.store.activePolicy()?.version, now != version { report.policyActiveAtEnd = now }
        try workflow.store.write { db in
            var details = [
                "inserted": String(report.inserted), "moderated": String(report.moderated), "unchanged": String(report.unchanged), "bad": String(report.bad.count),
                "policy": version,
            ]
            if let replaced = report.policyActiveAtEnd { details["policy_active_at_end"] = replaced }
            try AuditLog.append(db, at: workflow.store.clock.now(), actor: actor, action: "case.import", object: "cases", details: details)
        }
        return report
    }

    enum Outcome { case inserted, moderated, unchanged }

    private func store(_ db: SQLDatabase, _ item: ValidatedImport, actor: String) throws -> Outcome {
        let now = StoreClock.format(workflow.store.clock.now())
        let day = workflow.today.description
        // History lines are dated by the export's own days (received, moderated), never by the
        // day lko learned of them: a late import must not charge the administration's days to
        // the moderator (issue 12, finding 3). Routing itself is decided as of today.
        let receivedDay = min(item.received, day)
        let moderationDay = min(item.moderation, day)
        if let existing = try CaseRecord.fetch(db, posNumber: item.line.posNumber) {
            guard existing.state == .moderation, item.status != "moderation" else { return .unchanged }
            var record = existing
            if item.status == "rejected" {
                record.state = .rejected
                record.updatedAt = now
                try Workflow.save(db, record)
                try CaseEvent.append(db, caseID: record.id, at: now, onDay: item.line.moderationAt != nil ? moderationDay : day, actor: "moderator", action: "reject", from: .moderation, to: .rejected, assigneeBefore: nil, assigneeAfter: nil, comment: "Отклонено модератором")
            } else {
                // Without an explicit moderation date the line says only that it has passed by
                // now: it was still in moderation when lko last saw it.
                try workflow.admit(db, &record, actor: actor, now: now, day: day, eventDay: item.line.moderationAt != nil ? moderationDay : day)
            }
            try AuditLog.append(db, at: workflow.store.clock.now(), actor: actor, action: "case.\(record.state == .rejected ? "reject" : "moderate")", object: "case:\(record.posNumber)", details: ["to": record.state.rawValue])
            return .moderated
        }
        guard let entry = CalendarDate(iso: item.moderation) else { throw ImportError(.impBadModerationDate) }
        let routeDecision = workflow.policy.route(CaseAttributes(node: item.node, regime: item.regime, channel: item.channel, source: item.line.source, locality: item.line.locality))
        let term = routeDecision?.term ?? (item.regime == .appeal ? workflow.policy.tables.organization.appealTerm : workflow.policy.tables.organization.messageTerm)
        let deadline = try workflow.deadline(entry: entry, term: term)
        // The row is built in memory and written once, in its state after moderation and
        // routing (import is a hot path: no read-back, no second write).
        var record = CaseRecord(
            id: 0, posNumber: item.line.posNumber, epguNumber: item.line.epguNumber, regime: item.regime, node: item.node,
            source: item.line.source, channel: item.channel, locality: item.line.locality, address: item.line.address ?? "",
            description: item.line.description ?? "", applicantName: item.line.applicant?.name ?? "", applicantContacts: item.line.applicant?.contacts ?? "",
            receivedOn: item.received, moderationOn: item.moderation, state: .moderation, assignee: nil, originalAssignee: nil, routedBy: "",
            fastTrack: false, termDays: term.days, termUnit: term.unit.rawValue, extensionDays: 0, extensionReason: nil,
            deadline: deadline.date.description, deadlineNote: deadline.note, answer: nil, draftedBy: nil, draftedFor: nil, submittedBy: nil,
            redirectedTo: nil, createdAt: now, updatedAt: now
        )
        var admission: Workflow.Admission?
        switch item.status {
        case "rejected": record.state = .rejected
        case "received":
            admission = try workflow.admission(db, of: record, day: day)
            record = admission!.record
        default: break
        }
        record.id = try Workflow.insert(db, record)
        try CaseEvent.append(db, caseID: record.id, at: now, onDay: receivedDay, actor: "platform", action: "import", from: nil, to: .moderation, assigneeBefore: nil, assigneeAfter: nil, comment: "поступило на модерацию \(item.moderation)")
        if record.state == .rejected {
            try CaseEvent.append(db, caseID: record.id, at: now, onDay: moderationDay, actor: "moderator", action: "reject", from: .moderation, to: .rejected, assigneeBefore: nil, assigneeAfter: nil, comment: "Отклонено модератором")
        }
        if let admission { try workflow.recordAdmission(db, admission, caseID: record.id, now: now, day: moderationDay) }
        return .inserted
    }

    static func splitLines(_ data: Data) -> [(Int, [UInt8])] {
        var lines: [(Int, [UInt8])] = []
        var number = 0
        var current: [UInt8] = []
        for byte in data {
            if byte == 0x0A {
                number += 1
                lines.append((number, current))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty {
            number += 1
            lines.append((number, current))
        }
        return lines
    }

    static func shortReason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0)" }.map { $0.count > 120 ? String($0.prefix(120)) + "…" : $0 } ?? context.debugDescription
        }
        return "\(error)".prefix(120).description
    }
}

extension Workflow {
    /// A case passes moderation: it reaches the organization and is routed — fast-track, else
    /// auto-rule, else the coordinator. A target who is not an executor on that day leaves the
    /// case with the coordinator, with the reason in its history.
    /// What passing moderation does to a case, computed without writing: it reaches the
    /// organization and is routed — fast-track, else auto-rule, else the coordinator. A target who
    /// is not an active executor on that day leaves the case with the coordinator, under the
    /// node's own term, and the history says why.
    struct Admission {
        var record: CaseRecord
        var routedTo: CaseState
        var actingFor: String?
        var comment: String
    }

    func admission(_ db: SQLDatabase, of original: CaseRecord, day: String) throws -> Admission {
        var record = original
        let today = CalendarDate(iso: day) ?? self.today
        record.state = .received
        guard let decision = policy.route(record.attributes, on: nil) else {
            return Admission(record: record, routedTo: .received, actingFor: nil, comment: "")
        }
        var comment: String
        switch decision.via {
        case .fastTrack(let id): comment = "фаст-трек \(id)"
        case .autoRule(let id): comment = "автоправило \(id)"
        case .noRule: comment = "нет подходящего правила: решает Координатор"
        }
        record.fastTrack = decision.isFastTrack
        record.routedBy = comment
        guard let target = decision.assignee else {
            return Admission(record: record, routedTo: .received, actingFor: nil, comment: comment)
        }
        let resolved = try resolver.resolve(target, on: today, in: db)
        let hasAccount = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM accounts WHERE login = ?"), arguments: [resolved.login]) == "active"
        if hasAccount, let node = policy.nodeIndex(record.node), try isExecutor(resolved.login, node: node, on: today, in: db) {
            record.state = .assigned
            record.assignee = resolved.login
            record.originalAssignee = resolved.actingFor
            if let actingFor = resolved.actingFor { comment += "; замещает \(actingFor)" }
            return Admission(record: record, routedTo: .assigned, actingFor: resolved.actingFor, comment: comment)
        }
        comment += hasAccount
            ? "; \(resolved.login) не является исполнителем по \(record.node) на \(day): решает Координатор"
            : "; у \(resolved.login) нет активной учётной записи: решает Координатор"
        record.fastTrack = false
        record.routedBy = comment
        // Not routed by the rule, so not under its term either: the node's (or the regime's) term
        // applies, counted from the same moderation entry.
        if let index = policy.nodeIndex(record.node), let entry = CalendarDate(iso: record.moderationOn) {
            let row = policy.node(index)
            let term = record.regime == .message ? row.messageTerm : row.appealTerm
            if term != decision.term {
                let recomputed = try deadline(entry: entry, term: term, extensionDays: record.extensionDays)
                record.termDays = term.days
                record.termUnit = term.unit.rawValue
                record.deadline = recomputed.date.description
                record.deadlineNote = recomputed.note
            }
        }
        return Admission(record: record, routedTo: .received, actingFor: nil, comment: comment)
    }

    /// The history lines of an admission: moderation passed, then the routing.
    func recordAdmission(_ db: SQLDatabase, _ admission: Admission, caseID: Int64, now: String, day: String) throws {
        try CaseEvent.append(db, caseID: caseID, at: now, onDay: day, actor: "moderator", action: "moderate", from: .moderation, to: .received, assigneeBefore: nil, assigneeAfter: nil, comment: "поступило в организацию")
        guard !admission.comment.isEmpty else { return }
        try CaseEvent.append(db, caseID: caseID, at: now, onDay: day, actor: "system", actingFor: admission.actingFor, action: "route", from: .received, to: admission.routedTo, assigneeBefore: nil, assigneeAfter: admission.record.assignee, comment: admission.comment)
    }

    /// Admits a stored case that was waiting in moderation.
    /// `day` decides the routing (who is an executor, who is away); `eventDay` dates the history.
    func admit(_ db: SQLDatabase, _ record: inout CaseRecord, actor: String, now: String, day: String, eventDay: String? = nil) throws {
        let admission = try admission(db, of: record, day: day)
        record = admission.record
        record.updatedAt = now
        try Workflow.save(db, record)
        try recordAdmission(db, admission, caseID: record.id, now: now, day: eventDay ?? day)
    }
}
