import Foundation
import LKOStore
import Logging
import ServiceLifecycle

/// Signs the audit chain's head every `interval` and once more at shutdown (docs/audit.md), into
/// a folder outside the database. Without a signing key it says so once and does nothing.
struct CheckpointWriter: Service {
    let store: Store
    let keyPath: String
    let directory: String
    let interval: TimeInterval
    let logger: Logger

    func run() async throws {
        guard FileManager.default.fileExists(atPath: keyPath) else {
            logger.warning("no audit checkpoint key; checkpoints are not written", metadata: ["key": .string(keyPath)])
            return
        }
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(interval))
                    await write()
                }
            }
        } catch is CancellationError {
        }
        // At shutdown: the last state the server wrote is signed.
        await write()
    }

    func write() async {
        do {
            let checkpoint = try await Blocking.run { [store, keyPath, directory] in try store.checkpoint(keyPath: keyPath, directory: directory) }
            logger.info("audit checkpoint", metadata: ["seq": .stringConvertible(checkpoint.seq)])
        } catch {
            logger.error("audit checkpoint failed", metadata: ["error": .string(String(describing: error))])
        }
    }
}
