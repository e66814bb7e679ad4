import Foundation

/// A clock that moves only when told to: tests advance it past a deadline instead of sleeping.
///
/// It is a reference type so that the code under test and the test itself share one timeline;
/// reads and writes are serialised by a lock, which makes it safe to share across tasks.
public final class ManualWallClock: WallClock, @unchecked Sendable {
    // `NSLock` rather than `Synchronization.Mutex`: the package still supports macOS 14, where
    // `Mutex` is unavailable. Every access to `current` goes through `lock`, which is what makes
    // the `@unchecked Sendable` promise true.
    private let lock = NSLock()
    private var current: Date

    /// Creates a clock that starts at `start`.
    public init(start: Date) {
        self.current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    /// Moves the clock forward (or, with a negative interval, backward) by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        lock.withLock { current += interval }
    }

    /// Jumps the clock to `instant`, for example to simulate a clock correction.
    public func set(to instant: Date) {
        lock.withLock { current = instant }
    }
}
