import Foundation
import ZIPFoundation

/// The zip container of an xlsx, read by lko itself: the central directory is parsed with every
/// offset and size checked against the bytes, and a deflated entry is inflated through
/// ZIPFoundation's `Data.decompress` with a provider that never reads outside the entry.
///
/// ZIPFoundation's `Archive` was used first; the fuzzer found that it traps on an entry offset
/// past the end of in-memory data and loops forever on an entry shorter than it claims (in both
/// the stored and the deflated path), and that its inflate reads past a short last chunk. Neither can happen here: the bytes are in memory, and a
/// read past the entry's end is an error.
struct ZipDirectory {
    struct Entry {
        var path: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var dataStart: Int
    }

    let bytes: [UInt8]
    var entries: [String: Entry] = [:]

    init(bytes: [UInt8], maximumEntries: Int) throws(ExportReaderError) {
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw .zip("too short for a zip") }
        var eocd = -1
        var index = bytes.count - 22
        let stop = max(0, bytes.count - 22 - 65_535)
        while index >= stop {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { eocd = index; break }
            index -= 1
        }
        guard eocd >= 0 else { throw .zip("no end of central directory") }
        let count = u16(eocd + 10)
        let directorySize = u32(eocd + 12)
        let directoryOffset = u32(eocd + 16)
        guard count <= maximumEntries else { throw .zip("more than \(maximumEntries) entries") }
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw .zip("ZIP64 is not supported (an export is far smaller)") }
        guard directoryOffset <= eocd, directorySize <= eocd - directoryOffset else { throw .zip("central directory outside the file") }
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= eocd, u32(position) == 0x0201_4B50 else { throw .zip("bad central directory entry at \(position)") }
            let flags = u16(position + 8)
            let method = UInt16(u16(position + 10))
            let compressed = u32(position + 20)
            let uncompressed = u32(position + 24)
            let nameLength = u16(position + 28), extraLength = u16(position + 30), commentLength = u16(position + 32)
            let localOffset = u32(position + 42)
            guard position + 46 + nameLength + extraLength + commentLength <= eocd else { throw .zip("central directory entry runs past its end") }
            guard flags & 0x1 == 0 else { throw .zip("encrypted entries are not supported") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            position += 46 + nameLength + extraLength + commentLength
            guard localOffset + 30 <= bytes.count, u32(localOffset) == 0x0403_4B50 else { throw .zip("«\(name)»: no local header at \(localOffset)") }
            let dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
            guard dataStart <= bytes.count, compressed <= bytes.count - dataStart else { throw .zip("«\(name)» claims \(compressed) bytes past the end of the file") }
            guard method == 0 || method == 8 else { throw .zip("«\(name)»: compression method \(method) is not supported") }
            if method == 0, compressed != uncompressed { throw .zip("«\(name)»: a stored entry with two sizes") }
            let path = name.hasPrefix("/") ? String(name.dropFirst()) : name
            if !path.hasSuffix("/"), entries[path] == nil {
                entries[path] = Entry(path: path, method: method, compressedSize: compressed, uncompressedSize: uncompressed, dataStart: dataStart)
            }
        }
    }

    /// The entry's bytes, decompressed within the limits: at most `partLimit`, at most `budget`,
    /// and no more than `ratio` times its compressed size once past `ratioFloor`.
    func extract(_ entry: Entry, limits: ExportLimits, budget: inout Int) throws(ExportReaderError) -> [UInt8] {
        struct Stop: Error { let error: ExportReaderError }
        let start = entry.dataStart, size = entry.compressedSize
        if entry.method == 0 {
            guard size <= limits.maximumPartBytes else { throw .partTooLarge(part: entry.path, limit: limits.maximumPartBytes) }
            guard size <= budget else { throw .totalTooLarge(limit: limits.maximumTotalBytes) }
            budget -= size
            return Array(bytes[start..<(start + size)])
        }
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, limits.maximumPartBytes, 64 << 20))
        let available = budget
        let source = bytes
        do {
            _ = try Data.decompress(size: Int64(size), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, length in
                let from = Int(position)
                guard from < size else { throw Stop(error: .zip("«\(entry.path)»: the compressed data ends before the stream does")) }
                // Always exactly `length` bytes: ZIPFoundation's inflate loop sets `avail_in` to the
                // buffer size, not to the chunk's (found by the fuzzer: zlib read past a short last
                // chunk). Past the entry's end come zeros; inflate stops at the stream's end before
                // them, and a truncated stream fails on them or on the next call.
                let to = min(size, from + length)
                var chunk = Data(source[(start + from)..<(start + to)])
                if chunk.count < length { chunk.append(Data(count: length - chunk.count)) }
                return chunk
            }, consumer: { chunk in
                output.append(contentsOf: chunk)
                if output.count > limits.maximumPartBytes { throw Stop(error: .partTooLarge(part: entry.path, limit: limits.maximumPartBytes)) }
                if output.count > available { throw Stop(error: .totalTooLarge(limit: limits.maximumTotalBytes)) }
                if output.count > limits.ratioFloorBytes, output.count / max(size, 1) > limits.maximumRatio {
                    throw Stop(error: .zipBomb(part: entry.path, compressed: size, ratio: limits.maximumRatio))
                }
            })
        } catch let stop as Stop {
            throw stop.error
        } catch {
            throw .zip("«\(entry.path)»: \(error)")
        }
        budget -= output.count
        return output
    }
}
