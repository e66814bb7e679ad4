import Foundation

/// A clock frozen at one instant: useful when a test needs a single, known `now`.
public struct FixedWallClock: WallClock {
    /// The instant this clock always reports.
    public let instant: Date

    public init(_ instant: Date) {
        self.instant = instant
    }

    public func now() -> Date { instant }
}
