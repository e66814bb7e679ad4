import Dispatch

/// Runs store work (SQLite, argon2id) off the server's event loops and Swift's cooperative
/// threads, which must never block: on two cores a 20 ms password hash on one of them would
/// stall half the server.
enum Blocking {
    private static let queue = DispatchQueue(label: "lko.store", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
