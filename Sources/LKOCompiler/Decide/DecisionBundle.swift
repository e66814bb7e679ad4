import Crypto
import LKOCalendar
import LKOLanguage

/// Everything `lko authorize` needs to decide, compiled once and saved as one file
/// (`lko compile --bundle FILE`), so a run loads it with one read instead of parsing and
/// compiling the policy.
///
/// The file: an 88-byte header — magic `LKOBUNDL`, the format version, the payload's length,
/// a SHA-256 over the header and payload, and the policy's content hash (``sourceDigest(_:)``) —
/// then the payload: the policy version and time zone, the logins, node paths and
/// (category, subcategory) pairs, and the decision blocks (``DecisionIndex``), all little-endian.
/// A file that is not a bundle, of another format version, truncated, altered in any byte, or
/// (when the policy is given) compiled from other policy text is refused with a
/// ``BundleError``, never used.
public struct DecisionBundle: Sendable {
    public static let magic: [UInt8] = Array("LKOBUNDL".utf8)
    public static let formatVersion: UInt32 = 1
    static let headerSize = 88

    /// `tables.version` of the policy it was compiled from.
    public let version: String
    /// ``sourceDigest(_:)`` of the policy text it was compiled from (32 bytes).
    public let sourceDigest: [UInt8]
    public let timeZone: String
    let logins: [String]
    let nodePaths: [String]
    let children: [(category: String, subcategory: String, node: Int32)]
    let index: DecisionIndex
    let loginTable: LoginTable
    let nodeIDs: [String: Int32]
    let childIDs: [String: [String: Int32]]

    public enum BundleError: Error, CustomStringConvertible, Equatable {
        case notABundle
        case unsupportedVersion(UInt32)
        case truncated(expected: Int, actual: Int)
        case corrupt
        case malformed(String)
        case stale(bundle: String, policy: String)

        public var description: String {
            switch self {
            case .notABundle:
                return "not an lko decision bundle (wrong magic bytes); make one with `lko compile --bundle FILE`"
            case .unsupportedVersion(let version):
                return "the bundle has format version \(version); this lko reads version \(DecisionBundle.formatVersion): compile it again with `lko compile --bundle FILE`"
            case .truncated(let expected, let actual):
                return "the bundle is truncated (\(actual) bytes, its header says \(expected)); compile it again"
            case .corrupt:
                return "the bundle is corrupt (its checksum does not match its contents); compile it again"
            case .malformed(let what):
                return "the bundle is malformed (\(what)); compile it again"
            case .stale(let bundle, let policy):
                return "the bundle is stale: it was compiled from policy text \(bundle.prefix(12))…, the policy now hashes to \(policy.prefix(12))…; compile it again with `lko compile --bundle FILE`"
            }
        }
    }

    // MARK: Building

    public init(policy: CompiledPolicy, sourceDigest: [UInt8]) {
        let tables = policy.tables
        self.init(
            version: tables.version, sourceDigest: sourceDigest, timeZone: tables.organization.timeZone,
            logins: tables.logins, nodePaths: tables.nodes.map(\.path),
            children: policy.childIDs.flatMap { category in category.value.map { (category.key, $0.key, $0.value) } }.sorted { ($0.0, $0.1) < ($1.0, $1.1) },
            index: policy.decisionIndex
        )
    }

    init(version: String, sourceDigest: [UInt8], timeZone: String, logins: [String], nodePaths: [String], children: [(category: String, subcategory: String, node: Int32)], index: DecisionIndex) {
        self.version = version
        self.sourceDigest = sourceDigest
        self.timeZone = timeZone
        self.logins = logins
        self.nodePaths = nodePaths
        self.children = children
        self.index = index
        self.loginTable = LoginTable(keys: logins.map { Array($0.utf8) }, blocks: Array(index.blockStart.dropLast()))
        var nodeIDs: [String: Int32] = [:]
        nodeIDs.reserveCapacity(nodePaths.count)
        for (id, path) in nodePaths.enumerated() { nodeIDs[path] = Int32(id) }
        self.nodeIDs = nodeIDs
        var childIDs: [String: [String: Int32]] = [:]
        for child in children { childIDs[child.category, default: [:]][child.subcategory] = child.node }
        self.childIDs = childIDs
    }

    /// The policy's content hash: SHA-256 over the SHA-256 of each file's bytes, sorted (file
    /// names and order aside, as the policy's meaning does not depend on them).
    public static func sourceDigest(_ sources: SourceSet) -> [UInt8] {
        var hasher = SHA256()
        for digest in sources.files.map({ Array(SHA256.hash(data: $0.utf8)) }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            hasher.update(data: digest)
        }
        return Array(hasher.finalize())
    }

    public static func hex(_ bytes: [UInt8]) -> String { PolicyVersion.hex(bytes) }

    // MARK: Writing

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var payload = ByteWriter()
        payload.string(version)
        payload.string(timeZone)
        payload.u32(UInt32(logins.count))
        for login in logins { payload.string(login) }
        payload.u32(UInt32(nodePaths.count))
        for path in nodePaths { payload.string(path) }
        payload.u32(UInt32(children.count))
        for child in children {
            payload.string(child.category)
            payload.string(child.subcategory)
            payload.u32(UInt32(bitPattern: child.node))
        }
        payload.u32s(index.blockStart)
        payload.u32s(index.words)
        var header = ByteWriter()
        header.bytes += DecisionBundle.magic
        header.u32(DecisionBundle.formatVersion)
        header.u32(0)
        header.u64(UInt64(payload.bytes.count))
        let checksum = DecisionBundle.checksum(prefix: header.bytes, digest: sourceDigest, payload: payload.bytes)
        return header.bytes + checksum + sourceDigest + payload.bytes
    }

    static func checksum(prefix: some Sequence<UInt8>, digest: some Sequence<UInt8>, payload: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(prefix))
        hasher.update(data: Array(digest))
        hasher.update(data: Array(payload))
        return Array(hasher.finalize())
    }

    // MARK: Reading

    /// Reads a bundle. With `policyDigest` (the ``sourceDigest(_:)`` of the policy the caller
    /// means), a bundle compiled from other text is refused as stale.
    public init(bytes: UnsafeRawBufferPointer, policyDigest: [UInt8]? = nil) throws {
        let size = bytes.count
        guard size >= DecisionBundle.magic.count, Array(bytes[0..<DecisionBundle.magic.count]) == DecisionBundle.magic else {
            throw BundleError.notABundle
        }
        guard size >= DecisionBundle.headerSize else { throw BundleError.truncated(expected: DecisionBundle.headerSize, actual: size) }
        let format = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard format == DecisionBundle.formatVersion else { throw BundleError.unsupportedVersion(format) }
        let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard length <= UInt64(Int.max - DecisionBundle.headerSize) else { throw BundleError.corrupt }
        let expected = DecisionBundle.headerSize + Int(length)
        guard size >= expected else { throw BundleError.truncated(expected: expected, actual: size) }
        guard size == expected else { throw BundleError.malformed("\(size - expected) bytes after the payload") }
        let stored = Array(bytes[24..<56])
        let digest = Array(bytes[56..<88])
        let payload = UnsafeRawBufferPointer(rebasing: bytes[88..<size])
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[0..<24]))
        hasher.update(data: digest)
        hasher.update(bufferPointer: payload)
        guard Array(hasher.finalize()) == stored else { throw BundleError.corrupt }
        if let policyDigest, policyDigest != digest {
            throw BundleError.stale(bundle: DecisionBundle.hex(digest), policy: DecisionBundle.hex(policyDigest))
        }
        var reader = ByteReader(bytes: payload)
        let version = try reader.string()
        let timeZone = try reader.string()
        var logins: [String] = []
        let loginCount = try reader.count()
        logins.reserveCapacity(loginCount)
        for _ in 0..<loginCount { logins.append(try reader.string()) }
        var nodePaths: [String] = []
        let nodeCount = try reader.count()
        nodePaths.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount { nodePaths.append(try reader.string()) }
        var children: [(category: String, subcategory: String, node: Int32)] = []
        for _ in 0..<(try reader.count()) {
            let category = try reader.string(), subcategory = try reader.string()
            let node = Int32(bitPattern: try reader.u32())
            guard node >= 0, Int(node) < nodeCount else { throw BundleError.malformed("a subcategory names node \(node) of \(nodeCount)") }
            children.append((category, subcategory, node))
        }
        let blockStart = try reader.u32s()
        let words = try reader.u32s()
        guard reader.offset == payload.count else { throw BundleError.malformed("trailing bytes in the payload") }
        guard blockStart.count == logins.count + 1 else { throw BundleError.malformed("\(blockStart.count) blocks for \(logins.count) logins") }
        try DecisionBundle.validate(blockStart: blockStart, words: words)
        self.init(version: version, sourceDigest: digest, timeZone: timeZone, logins: logins, nodePaths: nodePaths, children: children,
                  index: DecisionIndex(blockStart: blockStart, words: words))
    }

    /// Every block lies inside `words` and parses to its end, so `decide` never reads outside it.
    static func validate(blockStart: [UInt32], words: [UInt32]) throws {
        guard blockStart.first == 0, blockStart.last.map({ Int($0) == words.count }) ?? false else {
            throw BundleError.malformed("the decision blocks do not span the words")
        }
        for login in 0..<(blockStart.count - 1) {
            let start = Int(blockStart[login]), end = Int(blockStart[login + 1])
            guard start < end else { throw BundleError.malformed("an empty decision block") }
            var index = start + 1
            for _ in 0..<Int(words[start]) {
                guard index + 4 <= end else { throw BundleError.malformed("a decision block overruns") }
                let count = Int(words[index + 1])
                guard count <= (end - index - 4) / 2 else { throw BundleError.malformed("a decision block overruns") }
                index += 4 + 2 * count
            }
            guard index == end else { throw BundleError.malformed("a decision block has trailing words") }
        }
    }

    // MARK: Lookups and decisions (the same answers as `CompiledPolicy`)

    public func loginID(_ login: String) -> Int32? { loginTable.find(login)?.id }

    public var lookupKeys: (logins: [(String, Int32)], nodes: [(String, Int)], children: [(String, String, Int)]) {
        (logins.enumerated().map { ($1, Int32($0)) }, nodePaths.enumerated().map { ($1, $0) }, children.map { ($0.category, $0.subcategory, Int($0.node)) })
    }

    /// As ``CompiledPolicy/nodeIndex(category:subcategory:)``.
    public func nodeIndex(category: String?, subcategory: String?) -> Int? {
        if let subcategory {
            if let category, let id = childIDs[category]?[subcategory] { return Int(id) }
            if let category, !subcategory.hasPrefix(category + ".") { return nil }
            if let id = nodeIDs[subcategory] { return Int(id) }
            return nil
        }
        return category.flatMap { nodeIDs[$0] }.map(Int.init)
    }

    /// As ``CompiledPolicy/decide(loginID:actionBit:node:assigned:day:)``.
    public func decide(loginID id: Int32, actionBit bit: UInt16, node: Int32, assigned: Bool, day: Int32) -> Bool {
        index.decide(login: id, actionIndex: bit.trailingZeroBitCount, node: node, assigned: assigned, day: day)
    }

    /// As ``CompiledPolicy/decide(login:action:node:assignee:on:)``.
    public func decide(login: String, action: Action, node: Int?, assignee: String?, on date: CalendarDate) -> Bool {
        guard let slot = loginTable.find(login) else { return false }
        return index.words.withUnsafeBufferPointer { words in
            DecisionIndex.decide(words, at: Int(slot.block), actionBit: UInt32(action.bit), node: node.map(Int32.init) ?? -1, assigned: assignee == login, day: date.dayNumber)
        }
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes += value.utf8
    }
    mutating func u32s(_ values: [UInt32]) {
        u32(UInt32(values.count))
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { u32(value) }
    }
}

struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func u32() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw DecisionBundle.BundleError.malformed("the payload ends early") }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    mutating func count() throws -> Int {
        let value = Int(try u32())
        guard value <= bytes.count - offset else { throw DecisionBundle.BundleError.malformed("a count of \(value) past the payload's end") }
        return value
    }

    mutating func string() throws -> String {
        let length = Int(try u32())
        guard length <= bytes.count - offset else { throw DecisionBundle.BundleError.malformed("a string past the payload's end") }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func u32s() throws -> [UInt32] {
        let count = Int(try u32())
        guard count <= (bytes.count - offset) / 4 else { throw DecisionBundle.BundleError.malformed("an array past the payload's end") }
        let base = offset
        offset += count * 4
        return [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: base + i * 4, as: UInt32.self)) }
            initialized = count
        }
    }
}
