import Foundation
import LKOStore

/// The git commit a policy folder is at, and whether it has uncommitted changes: recorded by
/// `lko apply` and shown by `lko history`. Nil outside a git repository.
enum GitProvenance {
    static func of(path: String) -> PolicyProvenance? {
        let directory = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory ? path : (path as NSString).deletingLastPathComponent
        guard let commit = try? PolicySide.git(["rev-parse", "HEAD"], in: directory.isEmpty ? "." : directory).trimmingCharacters(in: .whitespacesAndNewlines), !commit.isEmpty,
              let status = try? PolicySide.git(["status", "--porcelain", "--", "."], in: directory.isEmpty ? "." : directory) else { return nil }
        return PolicyProvenance(commit: commit, clean: status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
