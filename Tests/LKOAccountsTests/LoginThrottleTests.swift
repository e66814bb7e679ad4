import Foundation
import Testing
import LKOAccounts

@Suite("LoginThrottle")
struct LoginThrottleTests {
    let throttle = LoginThrottle.standard

    /// Records `count` failures one minute apart, checking the gate before each like the store would.
    func fail(_ count: Int, from state: LoginThrottleState, clock: ManualWallClock) -> LoginThrottleState {
        var state = state
        for _ in 0..<count {
            #expect(throttle.gate(for: state, now: clock.now()) == .open)
            state = throttle.recordingFailure(state, now: clock.now())
            clock.advance(by: minute)
        }
        return state
    }

    @Test("four failures count but do not lock")
    func fourFailures() {
        let clock = ManualWallClock(start: mondayMorning)
        let state = fail(4, from: .clean, clock: clock)
        #expect(state == LoginThrottleState(consecutiveFailures: 4, lockedUntil: nil))
        #expect(throttle.gate(for: state, now: clock.now()) == .open)
    }

    @Test("the fifth failure in a row locks for 15 minutes from that failure")
    func fifthFailureLocks() {
        let clock = ManualWallClock(start: mondayMorning)
        var state = fail(4, from: .clean, clock: clock)
        let fifthAt = clock.now()
        state = throttle.recordingFailure(state, now: fifthAt)
        let until = fifthAt.addingTimeInterval(15 * minute)
        #expect(state == LoginThrottleState(consecutiveFailures: 5, lockedUntil: until))
        #expect(throttle.gate(for: state, now: fifthAt) == .locked(until: until))
    }

    @Test("locked until exactly 15 minutes, open at 15 minutes")
    func unlockBoundary() {
        let clock = ManualWallClock(start: mondayMorning)
        let state = throttle.recordingFailure(LoginThrottleState(consecutiveFailures: 4), now: clock.now())
        let until = mondayMorning.addingTimeInterval(15 * minute)
        clock.advance(by: 15 * minute - 1)
        #expect(throttle.gate(for: state, now: clock.now()) == .locked(until: until))
        clock.advance(by: 1)
        #expect(throttle.gate(for: state, now: clock.now()) == .open)
    }

    @Test("attempts during the lockout neither count nor extend it")
    func attemptsDuringLockout() {
        let clock = ManualWallClock(start: mondayMorning)
        let locked = throttle.recordingFailure(LoginThrottleState(consecutiveFailures: 4), now: clock.now())
        clock.advance(by: 10 * minute)
        #expect(throttle.recordingFailure(locked, now: clock.now()) == locked)
    }

    @Test("after the lockout expires, the user gets five fresh attempts")
    func freshAttemptsAfterLockout() {
        let clock = ManualWallClock(start: mondayMorning)
        var state = fail(5, from: .clean, clock: clock)
        #expect(state.lockedUntil != nil)
        clock.set(to: state.lockedUntil!)
        state = fail(1, from: state, clock: clock)
        #expect(state == LoginThrottleState(consecutiveFailures: 1, lockedUntil: nil))
        state = fail(3, from: state, clock: clock)
        #expect(state.consecutiveFailures == 4)
        #expect(state.lockedUntil == nil)
        state = throttle.recordingFailure(state, now: clock.now())
        #expect(state.lockedUntil == clock.now().addingTimeInterval(15 * minute))
    }

    @Test("a success resets the count, so failures must be in a row")
    func successResets() {
        let clock = ManualWallClock(start: mondayMorning)
        var state = fail(4, from: .clean, clock: clock)
        state = throttle.recordingSuccess()
        #expect(state == .clean)
        state = fail(4, from: state, clock: clock)
        #expect(state == LoginThrottleState(consecutiveFailures: 4, lockedUntil: nil))
        #expect(throttle.gate(for: state, now: clock.now()) == .open)
    }

    @Test("a corrupt stored count neither overflows nor skips the lockout")
    func corruptState() {
        let huge = throttle.recordingFailure(LoginThrottleState(consecutiveFailures: .max), now: mondayMorning)
        #expect(huge == LoginThrottleState(consecutiveFailures: 5, lockedUntil: mondayMorning.addingTimeInterval(15 * minute)))
        let negative = throttle.recordingFailure(LoginThrottleState(consecutiveFailures: -7), now: mondayMorning)
        #expect(negative == LoginThrottleState(consecutiveFailures: 1, lockedUntil: nil))
    }

    @Test("a threshold below one locks on the first failure instead of never")
    func degenerateThreshold() {
        let paranoid = LoginThrottle(maximumFailures: 0, lockoutDuration: hour)
        let state = paranoid.recordingFailure(.clean, now: mondayMorning)
        #expect(state == LoginThrottleState(consecutiveFailures: 1, lockedUntil: mondayMorning.addingTimeInterval(hour)))
    }

    @Test("the state survives a JSON round trip, as a store would persist it")
    func codable() throws {
        let state = LoginThrottleState(consecutiveFailures: 5, lockedUntil: mondayMorning)
        let decoded = try JSONDecoder().decode(LoginThrottleState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
    }
}
