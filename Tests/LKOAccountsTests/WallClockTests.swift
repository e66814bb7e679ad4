import Foundation
import Testing
import LKOAccounts

@Suite("Wall clocks")
struct WallClockTests {
    @Test("a fixed clock always reports its instant")
    func fixed() {
        let clock = FixedWallClock(mondayMorning)
        #expect(clock.now() == mondayMorning)
        #expect(clock.now() == mondayMorning)
    }

    @Test("a manual clock moves only when told to")
    func manual() {
        let clock = ManualWallClock(start: mondayMorning)
        #expect(clock.now() == mondayMorning)
        clock.advance(by: 90)
        #expect(clock.now() == mondayMorning.addingTimeInterval(90))
        clock.set(to: mondayMorning.addingTimeInterval(-hour))
        #expect(clock.now() == mondayMorning.addingTimeInterval(-hour))
    }

    @Test("a manual clock shared across tasks loses no advance")
    func manualIsThreadSafe() async {
        let clock = ManualWallClock(start: mondayMorning)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    for _ in 0..<100 { clock.advance(by: 1) }
                }
            }
        }
        #expect(clock.now() == mondayMorning.addingTimeInterval(10_000))
    }

    @Test("the system clock is close to Foundation's now")
    func system() {
        let clock: any WallClock = SystemWallClock()
        #expect(abs(clock.now().timeIntervalSinceNow) < 5)
    }
}
