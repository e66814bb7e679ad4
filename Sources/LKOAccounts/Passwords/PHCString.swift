/// An Argon2 hash in the PHC string format, taken apart:
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
///
/// The store keeps only this text per account. Parsing it lets the module decide whether a hash
/// is due for an upgrade and reject corrupt or hostile values with a clear error before any of
/// it reaches C code.
public struct PHCString: Sendable, Hashable {
    /// Argon2's smallest allowed salt, in bytes.
    public static let minimumSaltLength = 8
    /// Argon2's smallest allowed hash, in bytes.
    public static let minimumHashLength = 4
    /// Longer than any sensible Argon2 hash (the OWASP one is 97 characters); caps the work done
    /// on garbage.
    public static let maximumLength = 512

    /// The Argon2 version this module writes: 0x13, shown as `v=19`.
    public static let currentVersion: UInt32 = 0x13
    /// The original Argon2 version, shown as `v=16`; implied when the version field is absent.
    public static let legacyVersion: UInt32 = 0x10

    public var variant: Argon2Variant
    /// `0x13` (19) or `0x10` (16).
    public var version: UInt32
    /// The costs; `saltLength` and `hashLength` are those of ``salt`` and ``hash``.
    public var parameters: Argon2Parameters
    public var salt: [UInt8]
    public var hash: [UInt8]

    /// Parses `text`, throwing a ``PHCFormatError`` that says what is wrong.
    ///
    /// Accepts exactly what libargon2 writes: the version field may be omitted (meaning `v=16`),
    /// the parameters must be `m`, `t`, `p` in that order, and salt and hash are canonical
    /// padding-free Base64. Optional PHC extras (`keyid`, `data`) are not supported.
    public init(parsing text: String) throws(PHCFormatError) {
        guard !text.isEmpty else { throw .empty }
        let length = text.utf8.count
        guard length <= PHCString.maximumLength else {
            throw .tooLong(length: length, limit: PHCString.maximumLength)
        }

        guard text.hasPrefix("$") else { throw .missingLeadingDollar }
        let fields = text.dropFirst().split(separator: "$", omittingEmptySubsequences: false)
        // algorithm, [version], parameters, salt, hash. The version is recognised by its
        // `v=` prefix, not by counting fields, so a missing salt is reported as a missing
        // field rather than as a version where the parameters should be.
        let hasVersion = fields.count > 1 && fields[1].hasPrefix("v=")
        guard fields.count == (hasVersion ? 5 : 4) else {
            throw .wrongShape(fieldCount: fields.count)
        }

        guard let variant = Argon2Variant(rawValue: String(fields[0])) else {
            throw .unknownAlgorithm(String(fields[0]))
        }
        let version = try hasVersion ? PHCString.parseVersion(fields[1]) : PHCString.legacyVersion
        let costs = try PHCString.parseCosts(fields[hasVersion ? 2 : 1])

        guard let salt = Base64NoPadding.standard.decode(fields[fields.count - 2]) else {
            throw .invalidBase64(field: "salt")
        }
        guard let hash = Base64NoPadding.standard.decode(fields[fields.count - 1]) else {
            throw .invalidBase64(field: "hash")
        }
        guard salt.count >= PHCString.minimumSaltLength else {
            throw .saltTooShort(bytes: salt.count, minimum: PHCString.minimumSaltLength)
        }
        guard hash.count >= PHCString.minimumHashLength else {
            throw .hashTooShort(bytes: hash.count, minimum: PHCString.minimumHashLength)
        }

        self.variant = variant
        self.version = version
        self.parameters = Argon2Parameters(
            memoryKiB: costs.memoryKiB,
            iterations: costs.iterations,
            parallelism: costs.parallelism,
            saltLength: salt.count,
            hashLength: hash.count
        )
        self.salt = salt
        self.hash = hash
    }

    private static func parseVersion(_ field: Substring) throws(PHCFormatError) -> UInt32 {
        switch field {
        case "v=19": return currentVersion
        case "v=16": return legacyVersion
        default: throw .invalidVersion(String(field))
        }
    }

    private static func parseCosts(
        _ field: Substring
    ) throws(PHCFormatError) -> (memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
        let pairs = field.split(separator: ",", omittingEmptySubsequences: false)
        guard pairs.count == 3,
              let memory = number(in: pairs[0], named: "m"),
              let iterations = number(in: pairs[1], named: "t"),
              let parallelism = number(in: pairs[2], named: "p"),
              memory > 0, iterations > 0, parallelism > 0
        else {
            throw .invalidParameters(String(field))
        }
        return (memory, iterations, parallelism)
    }

    /// The value of `name=<digits>`, or `nil` for another name, a sign, a leading zero, or
    /// a number that does not fit in 32 bits.
    private static func number(in pair: Substring, named name: String) -> UInt32? {
        let prefix = name + "="
        guard pair.hasPrefix(prefix) else { return nil }
        let digits = pair.dropFirst(prefix.count)
        guard !digits.isEmpty,
              digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              digits.first != "0" || digits.count == 1
        else { return nil }
        return UInt32(digits)
    }
}
