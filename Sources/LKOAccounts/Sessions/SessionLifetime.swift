import Foundation

/// How long a session lives: it ends after a period of inactivity or at a maximum age,
/// whichever comes first.
///
/// The limits bound the damage of a stolen token (absolute) and of a workstation left logged
/// in (idle). A session is expired *at* the limit, not after it: with an 8-hour idle timeout,
/// a request exactly 8 hours after the last one is refused.
public struct SessionLifetime: Sendable, Hashable {
    /// Inactivity that ends a session, in seconds.
    public var idleTimeout: TimeInterval
    /// Age that ends a session regardless of activity, in seconds.
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 8 * 3600, absoluteTimeout: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// 8 hours idle, 12 hours absolute: one working day, never overnight.
    public static let standard = SessionLifetime()

    /// The status of a session created at `createdAt` and last used at `lastSeenAt`, at `now`.
    ///
    /// When both limits have passed, the absolute one is reported, because no activity could
    /// have saved the session. A `lastSeenAt` before `createdAt` (a corrupt row) is read as
    /// `createdAt`.
    public func status(createdAt: Date, lastSeenAt: Date, now: Date) -> SessionStatus {
        if now >= absoluteDeadline(createdAt: createdAt) {
            return .absoluteExpired
        }
        if now >= idleDeadline(createdAt: createdAt, lastSeenAt: lastSeenAt) {
            return .idleExpired
        }
        return .valid
    }

    /// The instant the session expires if it sees no more activity: a cookie's natural
    /// `Expires`, and the time after which the store may delete the row.
    public func expiresAt(createdAt: Date, lastSeenAt: Date) -> Date {
        min(absoluteDeadline(createdAt: createdAt), idleDeadline(createdAt: createdAt, lastSeenAt: lastSeenAt))
    }

    private func absoluteDeadline(createdAt: Date) -> Date {
        createdAt.addingTimeInterval(absoluteTimeout)
    }

    private func idleDeadline(createdAt: Date, lastSeenAt: Date) -> Date {
        max(createdAt, lastSeenAt).addingTimeInterval(idleTimeout)
    }
}
