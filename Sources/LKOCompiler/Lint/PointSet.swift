/// A set of match-space points as sorted, disjoint, non-touching ranges `[start, end)`.
///
/// A rule's node set is a few subtrees, and a subtree's points are consecutive (points are in
/// depth-first order), so a box holds a handful of ranges however large the tree. A bit set per
/// box instead costs rules × points bits — quadratic in the policy's size (2 GB of boxes at 64×
/// the region policy) — and every operation on it walks all the words. Same operations and
/// answers as ``BitSet``.
struct PointSet: Hashable, Sendable {
    private(set) var ranges: [Range<Int32>]
    let count: Int

    init(count: Int, filled: Bool = false) {
        self.count = count
        ranges = filled && count > 0 ? [0..<Int32(count)] : []
    }

    init(count: Int, ranges: [Range<Int32>]) {
        self.count = count
        self.ranges = ranges
    }

    /// Adds `[start, end)` (a union, kept sorted and merged).
    mutating func insert(_ range: Range<Int32>) {
        guard !range.isEmpty else { return }
        if let last = ranges.last, last.upperBound < range.lowerBound {
            ranges.append(range)
            return
        }
        var all = ranges + [range]
        all.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int32>] = []
        for piece in all {
            if let last = merged.last, piece.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, piece.upperBound)
            } else {
                merged.append(piece)
            }
        }
        ranges = merged
    }

    var isEmpty: Bool { ranges.isEmpty }

    var first: Int? { ranges.first.map { Int($0.lowerBound) } }

    var memberCount: Int { ranges.reduce(0) { $0 + $1.count } }

    var members: [Int] { ranges.flatMap { $0.map(Int.init) } }

    func contains(_ member: Int) -> Bool {
        ranges.contains { $0.contains(Int32(member)) }
    }

    func intersection(_ other: PointSet) -> PointSet {
        var result: [Range<Int32>] = []
        var i = 0, j = 0
        while i < ranges.count, j < other.ranges.count {
            let low = max(ranges[i].lowerBound, other.ranges[j].lowerBound)
            let high = min(ranges[i].upperBound, other.ranges[j].upperBound)
            if low < high { result.append(low..<high) }
            if ranges[i].upperBound < other.ranges[j].upperBound { i += 1 } else { j += 1 }
        }
        return PointSet(count: count, ranges: result)
    }

    func intersects(_ other: PointSet) -> Bool {
        var i = 0, j = 0
        while i < ranges.count, j < other.ranges.count {
            if max(ranges[i].lowerBound, other.ranges[j].lowerBound) < min(ranges[i].upperBound, other.ranges[j].upperBound) { return true }
            if ranges[i].upperBound < other.ranges[j].upperBound { i += 1 } else { j += 1 }
        }
        return false
    }

    func subtracting(_ other: PointSet) -> PointSet {
        var result: [Range<Int32>] = []
        var j = 0
        for range in ranges {
            var start = range.lowerBound
            while j < other.ranges.count, other.ranges[j].upperBound <= start { j += 1 }
            var k = j
            while start < range.upperBound {
                guard k < other.ranges.count, other.ranges[k].lowerBound < range.upperBound else {
                    result.append(start..<range.upperBound)
                    break
                }
                if other.ranges[k].lowerBound > start { result.append(start..<other.ranges[k].lowerBound) }
                start = max(start, other.ranges[k].upperBound)
                k += 1
            }
        }
        return PointSet(count: count, ranges: result)
    }
}
