import Foundation
import LKOCompiler
import LKOStore
import LKOMessages

/// `lko audit verify` with everything it can prove: the chain, the checkpoints kept outside the
/// database (truncation, deletion, a full rewrite) and, with `deep`, every row against the
/// digest the chain recorded for it (edits made behind lko's back).
public struct AuditIntegrityReport: Sendable, Codable, Equatable {
    public var chain: AuditVerification
    /// nil when no checkpoint folder was given.
    public var checkpoints: Int?
    public var provenThrough: Int64?
    /// In English (language-neutral, like the identifiers); ``checkpointProblemTexts`` for people.
    public var checkpointProblems: [String]
    /// nil when `deep` was not asked for. In English; ``rowFindingTexts`` for people.
    public var rowFindings: [String]?
    /// The same, from the catalog (the CLI prints them in the reader's language).
    public var checkpointProblemTexts: [Message] = []
    public var rowFindingTexts: [Message] = []
    /// What cannot be proven, said plainly (in JSON: in Russian, like `chain.message`).
    public var caveats: [String] { caveatTexts.map { $0.render(.ru) } }
    /// The same, from the catalog (the CLI prints them in the reader's language).
    public var caveatTexts: [Message] = []
    public var intact: Bool

    enum CodingKeys: String, CodingKey {
        case chain, checkpoints
        case provenThrough = "proven_through"
        case checkpointProblems = "checkpoint_problems"
        case rowFindings = "row_findings"
        case caveats, intact
    }

    init(chain: AuditVerification, checkpoints: Int?, provenThrough: Int64?, checkpointProblems: [String], rowFindings: [String]?, intact: Bool) {
        self.chain = chain
        self.checkpoints = checkpoints
        self.provenThrough = provenThrough
        self.checkpointProblems = checkpointProblems
        self.rowFindings = rowFindings
        self.intact = intact
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        chain = try container.decode(AuditVerification.self, forKey: .chain)
        checkpoints = try container.decodeIfPresent(Int.self, forKey: .checkpoints)
        provenThrough = try container.decodeIfPresent(Int64.self, forKey: .provenThrough)
        checkpointProblems = try container.decode([String].self, forKey: .checkpointProblems)
        rowFindings = try container.decodeIfPresent([String].self, forKey: .rowFindings)
        caveatTexts = try container.decode([String].self, forKey: .caveats).map { Message(.verbatim, ["text": .text($0)]) }
        intact = try container.decode(Bool.self, forKey: .intact)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chain, forKey: .chain)
        try container.encodeIfPresent(checkpoints, forKey: .checkpoints)
        try container.encodeIfPresent(provenThrough, forKey: .provenThrough)
        try container.encode(checkpointProblems, forKey: .checkpointProblems)
        try container.encodeIfPresent(rowFindings, forKey: .rowFindings)
        try container.encode(caveats, forKey: .caveats)
        try container.encode(intact, forKey: .intact)
    }
}

public struct CheckpointResult: Sendable, Codable, Equatable {
    public var checkpoint: AuditCheckpoint
    public var file: String?
}

extension LKOService {
    public func verifyAuditFully(_ caller: Caller, checkpointDirectory: String?, auditKeyPath: String?, deep: Bool) throws -> AuditIntegrityReport {
        try run {
            let chain = try verifyAudit(caller)
            var report = AuditIntegrityReport(chain: chain, checkpoints: nil, provenThrough: nil, checkpointProblems: [], rowFindings: nil, intact: chain.intact)
            if let directory = checkpointDirectory {
                let key = try AuditKey.publicKey(at: auditKeyPath ?? AuditKey.defaultPath(forDatabase: store.path))
                let result = try store.verifyCheckpoints(directory: directory, publicKey: key)
                report.checkpoints = result.checkpoints
                report.provenThrough = result.provenThrough
                report.checkpointProblems = result.problems
                report.checkpointProblemTexts = result.problemTexts
                if !result.problems.isEmpty { report.intact = false }
                if result.checkpoints == 0 {
                    report.caveatTexts.append(Message(.auditCaveatNoValidCheckpoint, ["directory": .text(directory)]))
                } else if let proven = result.provenThrough, proven < result.entries {
                    report.caveatTexts.append(Message(.auditCaveatAfterCheckpoint, ["first": .text("\(proven + 1)"), "last": .text("\(result.entries)")]))
                }
            } else {
                report.caveatTexts.append(Message(.auditCaveatNoCheckpoints))
            }
            if deep {
                let findings = try store.read { db in try AuditRows.verifyDeep(db) }
                report.rowFindings = findings.map(\.description)
                report.rowFindingTexts = findings.map(\.message)
                if !findings.isEmpty { report.intact = false }
            }
            return report
        }
    }

    /// Signs the chain's head with the key kept beside the database (`view_audit`).
    public func writeCheckpoint(_ caller: Caller, directory: String?, auditKeyPath: String?) throws -> CheckpointResult {
        try run {
            try store.authorize(caller.account, .viewAudit)
            let checkpoint = try store.checkpoint(keyPath: auditKeyPath ?? AuditKey.defaultPath(forDatabase: store.path), directory: directory)
            return CheckpointResult(checkpoint: checkpoint, file: directory.map { ($0 as NSString).appendingPathComponent(checkpoint.fileName) })
        }
    }
}
