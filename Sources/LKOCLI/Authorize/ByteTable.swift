import Foundation

/// A read-only hash table from byte strings to integers, looked up straight from the request
/// buffer: no `String` is made, hashed or validated per request. Open addressing with linear
/// probing; keys live in one byte arena. A key may be looked up in two pieces joined by one byte
/// (`category` `.` `subcategory`) without copying them together.
struct ByteTable {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        /// -1 for an empty slot.
        var length: Int32 = -1
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private var arena: [UInt8]
    private let mask: Int

    /// Later entries with the same key replace earlier ones.
    init(_ entries: [(key: [UInt8], value: Int32)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        arena = []
        mask = capacity - 1
        for (key, value) in entries {
            let hash = key.withUnsafeBufferPointer { ByteTable.hash(ByteTable.seed, $0) }
            var index = ByteTable.slotIndex(hash, mask)
            while slots[index].length >= 0 {
                if slots[index].hash == hash, arena[Int(slots[index].offset)..<Int(slots[index].offset) + Int(slots[index].length)].elementsEqual(key) {
                    break
                }
                index = (index + 1) & mask
            }
            if slots[index].length < 0 {
                slots[index] = Slot(hash: hash, offset: Int32(arena.count), length: Int32(key.count), value: value)
                arena.append(contentsOf: key)
            } else {
                slots[index].value = value
            }
        }
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a, byte by byte so that a key hashed in pieces hashes like the whole.
    @inline(__always)
    private static func hash(_ start: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    @inline(__always)
    private static func slotIndex(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// Whether `count` bytes at `a` and `b` are equal (keys are short: no call to memcmp).
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteTable.hash(ByteTable.seed, key)
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                var index = ByteTable.slotIndex(hash, mask)
                while true {
                    let slot = slots[index]
                    if slot.length < 0 { return nil }
                    if slot.hash == hash, Int(slot.length) == key.count,
                       key.isEmpty || ByteTable.equal(arena.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) {
                        return slot.value
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// Looks up the key `first + [separator] + second`.
    func find(_ first: UnsafeBufferPointer<UInt8>, joinedBy separator: UInt8, _ second: UnsafeBufferPointer<UInt8>) -> Int32? {
        var hash = ByteTable.hash(ByteTable.seed, first)
        hash ^= UInt64(separator)
        hash &*= 0x0000_0100_0000_01b3
        hash = ByteTable.hash(hash, second)
        let length = first.count + 1 + second.count
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                var index = ByteTable.slotIndex(hash, mask)
                while true {
                    let slot = slots[index]
                    if slot.length < 0 { return nil }
                    if slot.hash == hash, Int(slot.length) == length {
                        let key = arena.baseAddress! + Int(slot.offset)
                        if first.isEmpty || ByteTable.equal(key, first.baseAddress!, first.count),
                           key[first.count] == separator,
                           second.isEmpty || ByteTable.equal(key + first.count + 1, second.baseAddress!, second.count) {
                            return slot.value
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }
}
