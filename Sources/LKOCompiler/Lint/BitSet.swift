/// A fixed-size set of small integers, 64 per word: the per-dimension sets of the match space.
struct BitSet: Hashable, Sendable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int, filled: Bool = false) {
        self.count = count
        words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled { clearTail() }
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - count
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }

    mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }
    func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var first: Int? {
        for (index, word) in words.enumerated() where word != 0 {
            return index * 64 + word.trailingZeroBitCount
        }
        return nil
    }

    var memberCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    func intersection(_ other: BitSet) -> BitSet {
        var result = self
        for index in words.indices { result.words[index] &= other.words[index] }
        return result
    }

    func subtracting(_ other: BitSet) -> BitSet {
        var result = self
        for index in words.indices { result.words[index] &= ~other.words[index] }
        return result
    }

    func intersects(_ other: BitSet) -> Bool {
        for index in words.indices where words[index] & other.words[index] != 0 { return true }
        return false
    }

    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.append(index * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
