@testable import LKOCompiler
import Testing

@Suite("Action vocabulary")
struct VocabularyTests {
    /// `index` is spelled out for speed; it must stay the position in `allCases`, which is also
    /// the bit number in masks and the slot in the decision index.
    @Test func indexIsThePositionInAllCases() {
        for (position, action) in Action.allCases.enumerated() {
            #expect(action.index == position, "\(action)")
            #expect(action.bit == UInt16(1) << UInt16(position))
        }
        #expect(Set(Action.allCases.map(\.bit)).count == Action.allCases.count)
    }
}
