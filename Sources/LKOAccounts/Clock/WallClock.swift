import Foundation

/// A source of the current wall-clock time.
///
/// Every time-dependent decision in this module (session expiry, login lockout) is a pure
/// function of an explicit `now`. Callers obtain `now` from a `WallClock`, so production code
/// uses ``SystemWallClock`` while tests inject ``FixedWallClock`` or ``ManualWallClock`` and
/// never have to sleep.
public protocol WallClock: Sendable {
    /// The current instant according to this clock.
    func now() -> Date
}

/// The real clock of the machine.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }
}
