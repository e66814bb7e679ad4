/// The flat index behind `decide`: one contiguous block of 32-bit words per login, holding every
/// permission of that login — so a decision in random login order touches the login's hash slot
/// and then one block, usually one or two cache lines, instead of chasing an offset table, an
/// entry table and a range table that each miss the cache.
///
/// A block is `[groupCount, group…]`; a group is
/// `[actions | scope << 16 | everything << 18, rangeCount, from, until, start0, end0, …]`:
/// the permissions of one login with the same actions, scope and validity, merged, their node
/// ranges sorted and disjoint (touching ranges joined) and searched by bisection when there are
/// many. Many grants of one kind cost one more bisection step, not a longer scan.
struct DecisionIndex: Sendable {
    /// `words[blockStart[login] ..< blockStart[login + 1]]` is the login's block.
    let blockStart: [UInt32]
    let words: [UInt32]

    static let scopeCodes: [Scope] = [.any, .granted, .assigned, .assignedAndGranted]

    init(blockStart: [UInt32], words: [UInt32]) {
        self.blockStart = blockStart
        self.words = words
    }

    init(permissionsByLogin: [[CompiledPolicy.Permission]]) {
        var blockStart: [UInt32] = []
        blockStart.reserveCapacity(permissionsByLogin.count + 1)
        var words: [UInt32] = []
        struct Group: Hashable {
            var actions: UInt16
            var scope: Scope
            var everything: Bool
            var from: Int32
            var until: Int32
        }
        for permissions in permissionsByLogin {
            blockStart.append(UInt32(words.count))
            var groups: [Group: [CompiledPolicy.NodeRange]] = [:]
            var order: [Group] = []
            for permission in permissions where permission.actions != 0 {
                let coverage = permission.coverage
                let group = Group(actions: permission.actions, scope: permission.scope, everything: coverage.everything, from: coverage.from, until: coverage.until)
                if groups[group] == nil { order.append(group) }
                groups[group, default: []] += coverage.ranges
            }
            words.append(UInt32(order.count))
            for group in order {
                let ranges = DecisionIndex.merge(groups[group]!)
                let scope = UInt32(DecisionIndex.scopeCodes.firstIndex(of: group.scope)!)
                words.append(UInt32(group.actions) | scope << 16 | (group.everything ? 1 << 18 : 0))
                words.append(UInt32(ranges.count))
                words.append(UInt32(bitPattern: group.from))
                words.append(UInt32(bitPattern: group.until))
                for range in ranges {
                    words.append(UInt32(bitPattern: range.start))
                    words.append(UInt32(bitPattern: range.end))
                }
            }
        }
        blockStart.append(UInt32(words.count))
        self.blockStart = blockStart
        self.words = words
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
        words.withUnsafeBufferPointer { words in
            DecisionIndex.decide(words, at: Int(blockStart[Int(login)]), actionBit: UInt32(1) << UInt32(actionIndex), node: node, assigned: assigned, day: day)
        }
    }

    /// Decides from the block starting at `start`.
    @inline(__always)
    static func decide(_ words: UnsafeBufferPointer<UInt32>, at start: Int, actionBit: UInt32, node: Int32, assigned: Bool, day: Int32) -> Bool {
        var index = start + 1
        var remaining = Int(words[start])
        while remaining > 0 {
            remaining -= 1
            let head = words[index]
            let count = Int(words[index + 1])
            let first = index + 4
            index = first + 2 * count
            guard head & actionBit != 0 else { continue }
            let from = Int32(bitPattern: words[first - 2]), until = Int32(bitPattern: words[first - 1])
            guard day >= from, day <= until else { continue }
            switch (head >> 16) & 3 {
            case 0: // any
                return true
            case 2: // assigned
                if node >= 0, assigned { return true }
            default: // granted (1), assigned and granted (3)
                guard node >= 0, (head >> 16) & 3 == 1 || assigned else { continue }
                if head & (1 << 18) != 0 { return true }
                // The last range starting at or before `node` is the only candidate.
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    if Int32(bitPattern: words[first + 2 * middle]) <= node { low = middle + 1 } else { high = middle }
                }
                if low > 0, node < Int32(bitPattern: words[first + 2 * (low - 1) + 1]) { return true }
            }
        }
        return false
    }
}

/// Login → (interned id, decision block), by the login's UTF-8 bytes: an open-addressing table
/// whose slots hold the key's first 16 bytes inline, so a lookup is one hash of the bytes and
/// usually one slot read — no `String` hashing, no separate key storage to visit.
struct LoginTable: Sendable {
    struct Slot: Sendable {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        /// Key length in bytes; `UInt32.max` marks an empty slot.
        var length: UInt32 = .max
        var id: Int32 = -1
        var block: UInt32 = 0
        /// Offset of bytes 16… of a longer key in `tails`.
        var tail: UInt32 = 0
    }

    let slots: [Slot]
    let tails: [UInt8]
    let mask: Int

    /// `keys[i]` gets id `i` and block `blocks[i]`.
    init(keys: [[UInt8]], blocks: [UInt32]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var tails: [UInt8] = []
        let mask = capacity - 1
        for (id, key) in keys.enumerated() {
            let (k0, k1) = key.withUnsafeBytes { LoginTable.prefix($0) }
            var position = Int(truncatingIfNeeded: key.withUnsafeBytes { LoginTable.hash($0) }) & mask
            while slots[position].length != .max { position = (position + 1) & mask }
            var slot = Slot(k0: k0, k1: k1, length: UInt32(key.count), id: Int32(id), block: blocks[id], tail: UInt32(tails.count))
            if key.count > 16 { tails += key[16...] } else { slot.tail = 0 }
            slots[position] = slot
        }
        self.slots = slots
        self.tails = tails
        self.mask = mask
    }

    /// The first 16 bytes, zero-padded, as two words.
    @inline(__always)
    static func prefix(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var k0: UInt64 = 0, k1: UInt64 = 0
        let count = bytes.count
        if count >= 16 {
            k0 = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            k1 = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        } else if count >= 8 {
            k0 = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            for i in 8..<count { k1 |= UInt64(bytes[i]) << UInt64((i - 8) * 8) }
        } else {
            for i in 0..<count { k0 |= UInt64(bytes[i]) << UInt64(i * 8) }
        }
        return (k0, k1)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let (k0, k1) = prefix(bytes)
        var h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bytes.count)
        var offset = 16
        while offset < bytes.count {
            h = (h ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }

    /// The slot of a login, or nil.
    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer) -> Slot? {
        let (k0, k1) = LoginTable.prefix(bytes)
        var position = Int(truncatingIfNeeded: LoginTable.hash(bytes)) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[position]
                if slot.length == .max { return nil }
                if slot.k0 == k0, slot.k1 == k1, Int(slot.length) == bytes.count {
                    if bytes.count <= 16 { return slot }
                    var tailMatches = true
                    for i in 16..<bytes.count where tails[Int(slot.tail) + i - 16] != bytes[i] { tailMatches = false; break }
                    if tailMatches { return slot }
                }
                position = (position + 1) & mask
            }
        }
    }

    @inline(__always)
    func find(_ login: String) -> Slot? {
        var login = login
        return login.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }
}
