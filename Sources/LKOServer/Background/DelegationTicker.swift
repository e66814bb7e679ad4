import Foundation
import LKOApplication
import Logging
import ServiceLifecycle

/// Carries out absence starts and ends as they fall due (the CLI does it on every command; the
/// server, which may run for weeks, does it on a timer). Each run is one transaction.
struct DelegationTicker: Service {
    let service: LKOService
    let interval: TimeInterval
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        // The log is for administrators: English, with logins.
                        let moved = try await Blocking.run { [service] in try service.catchUpDelegationMoves() }
                        if !moved.isEmpty { logger.info("delegation", metadata: ["cases_moved": .stringConvertible(moved.count)]) }
                        for move in moved { logger.debug("delegation move", metadata: ["move": .string(move.description)]) }
                    } catch {
                        logger.warning("delegation catch-up failed", metadata: ["error": .string(String(describing: type(of: error)))])
                    }
                    try await Task.sleep(for: .seconds(interval))
                }
            }
        } catch is CancellationError {
            // Shutdown: the last run finished its transaction; nothing is half-done.
        }
    }
}
