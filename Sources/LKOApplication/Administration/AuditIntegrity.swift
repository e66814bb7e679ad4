import Foundation
import LKOCompiler
import LKOStore

/// `lko audit verify` with everything it can prove: the chain, the checkpoints kept outside the
/// database (truncation, deletion, a full rewrite) and, with `deep`, every row against the
/// digest the chain recorded for it (edits made behind lko's back).
public struct AuditIntegrityReport: Sendable, Codable, Equatable {
    public var chain: AuditVerification
    /// nil when no checkpoint folder was given.
    public var checkpoints: Int?
    public var provenThrough: Int64?
    public var checkpointProblems: [String]
    /// nil when `deep` was not asked for.
    public var rowFindings: [String]?
    /// What cannot be proven, said plainly.
    public var caveats: [String]
    public var intact: Bool

    enum CodingKeys: String, CodingKey {
        case chain, checkpoints
        case provenThrough = "proven_through"
        case checkpointProblems = "checkpoint_problems"
        case rowFindings = "row_findings"
        case caveats, intact
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
            var report = AuditIntegrityReport(chain: chain, checkpoints: nil, provenThrough: nil, checkpointProblems: [], rowFindings: nil, caveats: [], intact: chain.intact)
            if let directory = checkpointDirectory {
                let key = try AuditKey.publicKey(at: auditKeyPath ?? AuditKey.defaultPath(forDatabase: store.path))
                let result = try store.verifyCheckpoints(directory: directory, publicKey: key)
                report.checkpoints = result.checkpoints
                report.provenThrough = result.provenThrough
                report.checkpointProblems = result.problems
                if !result.problems.isEmpty { report.intact = false }
                if result.checkpoints == 0 {
                    report.caveats.append("no valid checkpoint in \(directory): deleting the newest entries, or rewriting the whole chain, cannot be detected")
                } else if let proven = result.provenThrough, proven < result.entries {
                    report.caveats.append("entries #\(proven + 1)…#\(result.entries) came after the newest checkpoint and cannot be proven yet (run `lko audit checkpoint`)")
                }
            } else {
                report.caveats.append("no checkpoints were given (--checkpoints DIR): the tail of the chain cannot be proven — deleting the newest entries, or rewriting the whole chain, goes unseen")
            }
            if deep {
                let findings = try store.read { db in try AuditRows.verifyDeep(db) }
                report.rowFindings = findings.map(\.description)
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
