/// The flat index behind `decide`: for each (login, action), the permissions that grant that
/// action, stored contiguously (compressed-row layout), with their node ranges in one array.
///
/// A decision reads one offset pair, then only the entries for its action — no per-login heap
/// arrays to chase and no entries for other actions to skip — so its cost stays flat as logins
/// hold more grants.
struct DecisionIndex: Sendable {
    struct Entry: Sendable {
        var scope: Scope
        var everything: Bool
        var from: Int32
        var until: Int32
        var rangeStart: Int32
        var rangeEnd: Int32
    }

    /// `offsets[login * actionCount + action] ..< offsets[… + 1]` indexes `entries`.
    let offsets: [Int32]
    let entries: [Entry]
    let ranges: [CompiledPolicy.NodeRange]
    static let actionCount = Action.allCases.count

    init(permissionsByLogin: [[CompiledPolicy.Permission]]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(permissionsByLogin.count * DecisionIndex.actionCount + 1)
        var entries: [Entry] = []
        var ranges: [CompiledPolicy.NodeRange] = []
        struct Group: Hashable {
            var scope: Scope
            var everything: Bool
            var from: Int32
            var until: Int32
        }
        for permissions in permissionsByLogin {
            for action in Action.allCases {
                // Grants with the same scope and validity merge into one entry whose node ranges
                // are sorted and disjoint, searched by bisection: many grants, one lookup.
                var groups: [Group: [CompiledPolicy.NodeRange]] = [:]
                var order: [Group] = []
                for permission in permissions where permission.actions & action.bit != 0 {
                    let coverage = permission.coverage
                    let group = Group(scope: permission.scope, everything: coverage.everything, from: coverage.from, until: coverage.until)
                    if groups[group] == nil { order.append(group) }
                    groups[group, default: []] += coverage.ranges
                }
                for group in order {
                    let start = Int32(ranges.count)
                    ranges += DecisionIndex.merge(groups[group]!)
                    entries.append(Entry(scope: group.scope, everything: group.everything, from: group.from, until: group.until, rangeStart: start, rangeEnd: Int32(ranges.count)))
                }
                offsets.append(Int32(entries.count))
            }
        }
        self.offsets = offsets
        self.entries = entries
        self.ranges = ranges
    }

    /// Sorted, disjoint, with touching ranges joined.
    static func merge(_ ranges: [CompiledPolicy.NodeRange]) -> [CompiledPolicy.NodeRange] {
        var merged: [CompiledPolicy.NodeRange] = []
        for range in ranges.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1].end = max(last.end, range.end)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    @inline(__always)
    func decide(login: Int32, actionIndex: Int, node: Int32, assigned: Bool, day: Int32) -> Bool {
        let slot = Int(login) * DecisionIndex.actionCount + actionIndex
        return offsets.withUnsafeBufferPointer { offsets in
            entries.withUnsafeBufferPointer { entries in
                ranges.withUnsafeBufferPointer { ranges in
                    var index = Int(offsets[slot])
                    let end = Int(offsets[slot + 1])
                    while index < end {
                        let entry = entries[index]
                        index += 1
                        guard day >= entry.from, day <= entry.until else { continue }
                        switch entry.scope {
                        case .any:
                            return true
                        case .assigned:
                            if node >= 0, assigned { return true }
                        case .granted, .assignedAndGranted:
                            guard node >= 0, entry.scope == .granted || assigned else { continue }
                            if entry.everything { return true }
                            // The last range starting at or before `node` is the only candidate.
                            var low = Int(entry.rangeStart)
                            var high = Int(entry.rangeEnd)
                            while low < high {
                                let middle = (low + high) / 2
                                if ranges[middle].start <= node { low = middle + 1 } else { high = middle }
                            }
                            if low > Int(entry.rangeStart), node < ranges[low - 1].end { return true }
                        }
                    }
                    return false
                }
            }
        }
    }
}
