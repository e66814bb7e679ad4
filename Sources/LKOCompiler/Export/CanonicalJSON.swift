import Crypto

/// The compact canonical JSON of ``PolicyTables`` — byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes — produced by hand, straight into a sink.
///
/// `PolicyVersion.compute` used to build that JSON with `JSONEncoder` (a tree of boxed values,
/// then a `Data` of every table, permissions included) and hash it: half of `lko check`'s time
/// and most of its peak memory at region scale. Writing the same bytes into a small buffer that
/// is fed to SHA-256 as it fills costs a fraction and holds no copy of the tables. The keys of
/// each row are written in the encoder's sorted order; `TablesTests` and `DeterminismTests`
/// check the bytes against `JSONEncoder` on every fixture and on hostile strings.
struct CanonicalJSONWriter<Sink: CanonicalJSONSink> {
    var sink: Sink
    /// The form the version hashes: every `position`, the file list and the version itself
    /// blanked (what the policy does, not how or where it is written).
    var semantic: Bool
    private var buffer: [UInt8] = []

    init(sink: Sink, semantic: Bool) {
        self.sink = sink
        self.semantic = semantic
        buffer.reserveCapacity(1 << 16)
    }

    mutating func finish() -> Sink {
        flush()
        return sink
    }

    private mutating func flush() {
        if !buffer.isEmpty {
            sink.consume(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func byte(_ value: UInt8) { buffer.append(value) }

    private mutating func string(_ value: String) {
        byte(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let c = bytes[index]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                if start < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
                buffer.append(UInt8(ascii: "\\"))
                switch c {
                case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                case 0x08: buffer.append(UInt8(ascii: "b"))
                case 0x0C: buffer.append(UInt8(ascii: "f"))
                case 0x0A: buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(UInt8(ascii: "t"))
                default:
                    buffer.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                               hexDigit(c >> 4), hexDigit(c & 15)])
                }
            }
            if start < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        byte(UInt8(ascii: "\""))
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func int(_ value: Int) {
        if value == 0 { byte(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        while magnitude > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        if value < 0 { byte(UInt8(ascii: "-")) }
        buffer.append(contentsOf: digits.reversed())
    }

    private mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    private mutating func position(_ value: String) { string(semantic ? "" : value) }

    private mutating func strings(_ values: [String]) {
        byte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(value)
        }
        byte(UInt8(ascii: "]"))
    }

    private mutating func array<T>(_ values: [T], _ element: (inout CanonicalJSONWriter, T) -> Void) {
        byte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            element(&self, value)
        }
        byte(UInt8(ascii: "]"))
    }

    private mutating func term(_ value: TermValue) {
        raw("{\"days\":"); int(value.days); raw(",\"unit\":"); string(value.unit.rawValue); byte(UInt8(ascii: "}"))
    }

    // Keys in each row are in the order `JSONEncoder`'s `.sortedKeys` writes them.

    mutating func write(_ t: PolicyTables) {
        byte(UInt8(ascii: "{"))
        if let acceptances = t.acceptances {
            raw("\"acceptances\":")
            array(acceptances) { w, row in
                w.raw("{\"code\":"); w.string(row.code)
                w.raw(",\"position\":"); w.position(row.position)
                w.raw(",\"reason\":"); w.string(row.reason)
                w.raw(",\"subjects\":"); w.strings(row.subjects)
                w.byte(UInt8(ascii: "}"))
            }
            byte(UInt8(ascii: ","))
        }
        raw("\"actions\":")
        array(t.actions) { w, row in
            w.raw("{\"action\":"); w.string(row.action); w.raw(",\"administrative\":"); w.bool(row.administrative); w.byte(UInt8(ascii: "}"))
        }
        raw(",\"autoRules\":")
        array(t.autoRules) { w, row in w.rule(row) }
        raw(",\"calendar\":")
        array(t.calendar) { w, row in
            w.raw("{\"date\":"); w.string(row.date)
            w.raw(",\"kind\":"); w.string(row.kind)
            w.raw(",\"position\":"); w.position(row.position)
            w.raw(",\"source\":"); w.string(row.source)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"calendarYears\":")
        array(t.calendarYears) { w, row in
            w.raw("{\"position\":"); w.position(row.position)
            w.raw(",\"source\":"); w.string(row.source)
            w.raw(",\"year\":"); w.int(row.year)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"fastTracks\":")
        array(t.fastTracks) { w, row in w.rule(row) }
        raw(",\"format\":"); int(t.format)
        raw(",\"grants\":")
        array(t.grants) { w, row in
            w.byte(UInt8(ascii: "{"))
            if let from = row.from { w.raw("\"from\":"); w.string(from); w.byte(UInt8(ascii: ",")) }
            w.raw("\"index\":"); w.int(row.index)
            w.raw(",\"login\":"); w.string(row.login)
            w.raw(",\"nodes\":"); w.strings(row.nodes)
            w.raw(",\"position\":"); w.position(row.position)
            w.raw(",\"role\":"); w.string(row.role)
            if let until = row.until { w.raw(",\"until\":"); w.string(until) }
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"logins\":"); strings(t.logins)
        raw(",\"nodes\":")
        array(t.nodes) { w, row in
            w.raw("{\"accelerated\":"); w.bool(row.accelerated)
            w.raw(",\"appealTerm\":"); w.term(row.appealTerm)
            w.raw(",\"index\":"); w.int(row.index)
            w.raw(",\"level\":"); w.string(row.level)
            w.raw(",\"messageTerm\":"); w.term(row.messageTerm)
            if let own = row.ownAppealTerm { w.raw(",\"ownAppealTerm\":"); w.term(own) }
            if let own = row.ownMessageTerm { w.raw(",\"ownMessageTerm\":"); w.term(own) }
            if let parent = row.parent { w.raw(",\"parent\":"); w.int(parent) }
            w.raw(",\"path\":"); w.string(row.path)
            w.raw(",\"position\":"); w.position(row.position)
            w.raw(",\"subtreeEnd\":"); w.int(row.subtreeEnd)
            w.raw(",\"title\":"); w.string(row.title)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"organization\":")
        do {
            let o = t.organization
            raw("{\"appealTerm\":"); term(o.appealTerm)
            raw(",\"coordinatorRole\":"); string(o.coordinatorRole)
            raw(",\"deadlineRule\":"); string(o.deadlineRule.rawValue)
            raw(",\"executorRole\":"); string(o.executorRole)
            raw(",\"messageTerm\":"); term(o.messageTerm)
            raw(",\"position\":"); position(o.position)
            raw(",\"timeZone\":"); string(o.timeZone)
            raw(",\"title\":"); string(o.title)
            byte(UInt8(ascii: "}"))
        }
        raw(",\"permissions\":")
        array(t.permissions) { w, row in
            w.raw("{\"action\":"); w.string(row.action)
            if let from = row.from { w.raw(",\"from\":"); w.string(from) }
            w.raw(",\"grant\":"); w.int(row.grant)
            w.raw(",\"login\":"); w.string(row.login)
            w.raw(",\"nodes\":"); w.strings(row.nodes)
            w.raw(",\"role\":"); w.string(row.role)
            w.raw(",\"scope\":"); w.string(row.scope.rawValue)
            if let until = row.until { w.raw(",\"until\":"); w.string(until) }
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"roleActions\":")
        array(t.roleActions) { w, row in
            w.raw("{\"action\":"); w.string(row.action)
            w.raw(",\"position\":"); w.position(row.position)
            w.raw(",\"role\":"); w.string(row.role)
            w.raw(",\"scope\":"); w.string(row.scope.rawValue)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"roles\":")
        array(t.roles) { w, row in
            w.raw("{\"id\":"); w.string(row.id)
            w.raw(",\"position\":"); w.position(row.position)
            w.raw(",\"title\":"); w.string(row.title)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"routes\":")
        array(t.routes) { w, row in
            w.raw("{\"kind\":"); w.string(row.kind)
            w.raw(",\"node\":"); w.string(row.node)
            w.raw(",\"order\":"); w.int(row.order)
            w.raw(",\"rule\":"); w.string(row.rule)
            w.byte(UInt8(ascii: "}"))
        }
        raw(",\"sources\":")
        array(semantic ? [] : t.sources) { w, row in
            w.raw("{\"path\":"); w.string(row.path); w.raw(",\"sha256\":"); w.string(row.sha256); w.byte(UInt8(ascii: "}"))
        }
        if let substitutes = t.substitutes {
            raw(",\"substitutes\":")
            array(substitutes) { w, row in
                w.byte(UInt8(ascii: "{"))
                if let absentee = row.absentee { w.raw("\"absentee\":"); w.string(absentee); w.byte(UInt8(ascii: ",")) }
                w.raw("\"kind\":"); w.string(row.kind.rawValue)
                w.raw(",\"nodes\":"); w.strings(row.nodes)
                w.raw(",\"position\":"); w.position(row.position)
                w.raw(",\"substitute\":"); w.string(row.substitute)
                w.byte(UInt8(ascii: "}"))
            }
        }
        raw(",\"version\":"); string(semantic ? "" : t.version)
        byte(UInt8(ascii: "}"))
    }

    private mutating func rule(_ row: RuleRow) {
        byte(UInt8(ascii: "{"))
        if let assignee = row.assignee { raw("\"assignee\":"); string(assignee); byte(UInt8(ascii: ",")) }
        raw("\"channels\":"); strings(row.channels)
        raw(",\"id\":"); string(row.id)
        raw(",\"localities\":"); strings(row.localities)
        raw(",\"nodes\":"); strings(row.nodes)
        raw(",\"position\":"); position(row.position)
        raw(",\"priority\":"); int(row.priority)
        raw(",\"regimes\":"); strings(row.regimes)
        raw(",\"sources\":"); strings(row.sources)
        if let term = row.term { raw(",\"term\":"); self.term(term) }
        if let title = row.title { raw(",\"title\":"); string(title) }
        byte(UInt8(ascii: "}"))
    }
}

private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}

protocol CanonicalJSONSink {
    mutating func consume(_ bytes: [UInt8])
}

/// Collects the bytes (for tests and for callers that want the text).
struct ByteSink: CanonicalJSONSink {
    var bytes: [UInt8] = []
    mutating func consume(_ bytes: [UInt8]) { self.bytes += bytes }
}

/// Hashes the bytes as they come.
struct SHA256Sink: CanonicalJSONSink {
    var hasher = SHA256()
    mutating func consume(_ bytes: [UInt8]) { hasher.update(data: bytes) }
}

extension PolicyTables {
    /// The compact canonical JSON (what `TablesJSON.encode(_, pretty: false)` writes), by hand.
    func canonicalJSON(semantic: Bool = false) -> [UInt8] {
        var writer = CanonicalJSONWriter(sink: ByteSink(), semantic: semantic)
        writer.write(self)
        return writer.finish().bytes
    }
}
