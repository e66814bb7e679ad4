import Foundation
import Testing
import LKOAccounts

@Suite("SessionLifetime")
struct SessionLifetimeTests {
    let lifetime = SessionLifetime.standard

    @Test("idle timeout: valid one second before 8 h of inactivity, expired at exactly 8 h")
    func idleBoundary() {
        let clock = ManualWallClock(start: mondayMorning)
        let created = clock.now()
        clock.advance(by: 1 * hour)
        let lastSeen = clock.now()
        clock.advance(by: 8 * hour - 1)
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .valid)
        clock.advance(by: 1)
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .idleExpired)
    }

    @Test("absolute timeout: an active session still ends at exactly 12 h")
    func absoluteBoundary() {
        let clock = ManualWallClock(start: mondayMorning)
        let created = clock.now()
        clock.advance(by: 12 * hour - 1)
        let lastSeen = clock.now().addingTimeInterval(-5 * minute) // active minutes ago
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .valid)
        clock.advance(by: 1)
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .absoluteExpired)
    }

    @Test("a session renewed every hour survives 11 h 59 min 59 s and no longer")
    func activeSessionTimeline() {
        let clock = ManualWallClock(start: mondayMorning)
        let created = clock.now()
        var lastSeen = created
        for _ in 1...11 {
            clock.advance(by: hour)
            #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .valid)
            lastSeen = clock.now()
        }
        clock.advance(by: hour - 1)
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .valid)
        clock.advance(by: 1)
        #expect(lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: clock.now()) == .absoluteExpired)
    }

    @Test("when both limits have passed the absolute one is reported")
    func bothExpired() {
        let now = mondayMorning.addingTimeInterval(13 * hour)
        #expect(lifetime.status(createdAt: mondayMorning, lastSeenAt: mondayMorning, now: now) == .absoluteExpired)
    }

    @Test("a brand-new session is valid, including when the clock steps back a little")
    func freshSession() {
        #expect(lifetime.status(createdAt: mondayMorning, lastSeenAt: mondayMorning, now: mondayMorning) == .valid)
        let earlier = mondayMorning.addingTimeInterval(-30)
        #expect(lifetime.status(createdAt: mondayMorning, lastSeenAt: mondayMorning, now: earlier) == .valid)
    }

    @Test("a lastSeen before createdAt is read as createdAt")
    func corruptLastSeen() {
        let lastSeen = mondayMorning.addingTimeInterval(-10 * hour)
        let now = mondayMorning.addingTimeInterval(1 * hour)
        #expect(lifetime.status(createdAt: mondayMorning, lastSeenAt: lastSeen, now: now) == .valid)
        #expect(lifetime.expiresAt(createdAt: mondayMorning, lastSeenAt: lastSeen) == mondayMorning.addingTimeInterval(8 * hour))
    }

    @Test("expiresAt is the earlier of the idle and absolute deadlines")
    func expiresAt() {
        #expect(lifetime.expiresAt(createdAt: mondayMorning, lastSeenAt: mondayMorning)
            == mondayMorning.addingTimeInterval(8 * hour))
        #expect(lifetime.expiresAt(createdAt: mondayMorning, lastSeenAt: mondayMorning.addingTimeInterval(3 * hour))
            == mondayMorning.addingTimeInterval(11 * hour))
        #expect(lifetime.expiresAt(createdAt: mondayMorning, lastSeenAt: mondayMorning.addingTimeInterval(6 * hour))
            == mondayMorning.addingTimeInterval(12 * hour))
    }

    @Test("custom limits")
    func customLimits() {
        let short = SessionLifetime(idleTimeout: 15 * minute, absoluteTimeout: hour)
        let now = mondayMorning.addingTimeInterval(15 * minute)
        #expect(short.status(createdAt: mondayMorning, lastSeenAt: mondayMorning, now: now) == .idleExpired)
        #expect(SessionStatus.idleExpired.description == "expired after inactivity")
    }
}
