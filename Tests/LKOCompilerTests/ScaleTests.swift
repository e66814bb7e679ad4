import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Issue 17: the faster algorithms give exactly what the straightforward ones gave.
@Suite("Scale: canonical JSON and the version hash")
struct CanonicalJSONTests {
    /// Tables with every optional present and absent and strings an encoder must escape.
    static func hostile() throws -> PolicyTables {
        var tables = try #require(compile(tablesPolicy).policy).tables
        let nasty = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\/ é ё \u{7F} \u{2028}\u{2029} 🙂 </script> \u{FEFF}"
        tables.nodes[0].title = nasty
        tables.organization.title = nasty
        tables.roles[0].title = "t\u{1F}\t\n"
        tables.grants[0].from = "2026-01-01"
        tables.grants[0].until = "2026-12-31"
        tables.grants[0].nodes = ["a/b", "c\"d"]
        tables.autoRules[0].title = nil
        tables.autoRules[0].assignee = nil
        tables.autoRules[0].term = TermValue(days: -3, unit: .working)
        tables.autoRules[0].priority = Int.min + 1
        tables.substitutes = [
            SubstituteRow(substitute: "s", absentee: nil, nodes: [], kind: .executor, position: "p:1:1"),
            SubstituteRow(substitute: "s", absentee: "a\u{0}", nodes: ["x"], kind: .approver, position: "p:2:1"),
        ]
        tables.acceptances = [AcceptanceRow(code: "W0506", subjects: ["a", nasty], reason: nasty, position: "p:3:1")]
        return tables
    }

    static func samples() throws -> [PolicyTables] {
        var all = [try #require(compile(tablesPolicy).policy).tables, try hostile()]
        all.append(try #require(compile(shuffledFiles).policy).tables)
        if let shipped = try shippedCompilation().policy?.tables { all.append(shipped) }
        var withoutOptionals = try hostile()
        withoutOptionals.substitutes = nil
        withoutOptionals.acceptances = []
        all.append(withoutOptionals)
        return all
    }

    @Test func handWrittenBytesAreTheEncodersBytes() throws {
        for tables in try CanonicalJSONTests.samples() {
            let reference = Array(TablesJSON.encode(tables, pretty: false))
            let mine = tables.canonicalJSON()
            #expect(mine == reference, "first difference at \(zip(mine, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, reference.count))")
        }
    }

    @Test func versionIsTheEncoderDefinition() throws {
        for tables in try CanonicalJSONTests.samples() {
            #expect(PolicyVersion.compute(tables) == PolicyVersion.computeWithEncoder(tables))
        }
    }
}

/// Small random policies with everything the lint and the diff look at: a tree with leaf
/// categories, subcategories and facts; scoped, unscoped and time-bounded grants of roles that
/// draft and approve; auto-rules of few priorities (so equal priorities overlap), with and
/// without node conditions; fast-tracks; substitutes for people and pools.
struct RandomPolicy {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    /// (text, case nodes as (keyword, path)).
    mutating func text(variant: Bool = false) -> String {
        var lines: [String] = []
        lines.append("organization \"O\" {\n  timezone \"Europe/Moscow\"\n  term appeal 30 calendar days\n  term message 20 working days\n}")
        lines.append("role executor \"И\" {\n  allow view, draft, submit on assigned and granted\n}")
        lines.append("role coordinator \"К\" {\n  allow view, assign on any\n}")
        lines.append("role manager \"Р\" {\n  allow view, approve, return on granted\n}")
        lines.append("role curator \"Ку\" {\n  allow view on any\n  allow approve on granted\n}")
        lines.append("role clerk \"С\" {\n  allow draft on granted\n  allow view on assigned\n}")
        var nodes: [(String, String)] = []   // (level keyword, path)
        for c in 0..<(2 + below(4)) {
            var block = "category c\(c) \"C\(c)\""
            let subs = below(4)
            nodes.append(("category", "c\(c)"))
            if subs > 0 {
                block += " {\n"
                for s in 0..<subs {
                    let facts = below(3)
                    nodes.append(("subcategory", "c\(c).s\(s)"))
                    block += "  subcategory s\(s) \"S\(s)\"" + (facts > 0 ? " {\n" : "\n")
                    for f in 0..<facts {
                        nodes.append(("fact", "c\(c).s\(s).f\(f)"))
                        block += "    fact f\(f) \"F\(f)\"\n"
                    }
                    if facts > 0 { block += "  }\n" }
                }
                block += "}"
            }
            lines.append(block)
        }
        let people = (0..<6).map { "p\($0)" }
        let roles = ["executor", "manager", "curator", "clerk", "coordinator"]
        let validity = ["", " until 2025-12-31", " from 2026-01-01 until 2026-06-30", " from 2027-01-01"]
        for _ in 0..<(4 + below(10)) {
            var grant = "grant \(pick(roles)) to \(pick(people))"
            if chance(80) {
                let on = (0...below(2)).map { _ in pick(nodes).1 }
                grant += " on " + Array(Set(on)).sorted().joined(separator: ", ")
            }
            lines.append(grant + pick(validity))
        }
        if variant { lines.append("grant \(pick(roles)) to \(pick(people)) on \(pick(nodes).1)") }
        // Assignment targets: executors everywhere, but expired at the lint date.
        lines.append("grant executor to t0 until 2025-01-01")
        lines.append("grant executor to t1 until 2025-01-01")
        let sources = ["S0", "S1", "S2"], localities = ["L0", "L1"]
        for r in 0..<(3 + below(8)) {
            var rule = "autorule r\(r) priority \(1 + below(2)) {\n"
            if chance(85) { let node = pick(nodes); rule += "  when \(node.0) \(node.1)\n" }
            if chance(30) { rule += "  when regime \(pick(["appeal", "message"]))\n" }
            if chance(30) { rule += "  when channel \(pick(["widget", "epgu_account", "mobile_app"]))\n" }
            if chance(35) { rule += "  when source \(Array(Set([pick(sources), pick(sources)])).sorted().joined(separator: ", "))\n" }
            if chance(25) { rule += "  when locality \"\(pick(localities))\"\n" }
            rule += chance(70) ? "  assign \(pick(["t0", "t1"]))\n}" : "  leave to coordinator\n}"
            lines.append(rule)
        }
        for f in 0..<below(3) {
            let node = pick(nodes.filter { $0.0 != "category" } + [nodes[0]])
            lines.append("fasttrack ft\(f) \"FT\" priority \(below(2)) {\n  when \(node.0) \(node.1)\n  when source \(pick(sources))\n  term 3 calendar days\n  assign \(pick(["t0", "t1"]))\n}")
        }
        if variant {
            let node = pick(nodes)
            lines.append("autorule zz priority 1 {\n  when \(node.0) \(node.1)\n  when source S1\n  assign t1\n}")
        }
        for _ in 0..<below(4) {
            let on = chance(50) ? " on " + pick(nodes).1 : ""
            if chance(30) {
                lines.append("substitute \(pick(people)) for anyone\(on.isEmpty ? " on " + pick(nodes).1 : on)")
            } else {
                lines.append("substitute \(pick(people)) for \(pick(people))\(chance(40) ? " as approver" : "")\(on)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite("Scale: the linear algorithms agree with the old ones")
struct LinearAlgorithmTests {
    static let seeds: [UInt64] = Array(1...250)

    static func compiled(_ text: String) -> Compilation {
        PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "p.lko", text: text)]), options: CompileOptions(lintDate: CalendarDate(iso: "2026-03-02")!))
    }

    static func render(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.code.rawValue)|\(d.message)|\(d.span)|\(d.help ?? "")|\(d.notes.map { "\($0.message)@\(String(describing: $0.span))" })"
        }
    }

    @Test func lintFindingsAreTheReferenceFindings() throws {
        var checked = 0, withFindings = 0
        for seed in LinearAlgorithmTests.seeds {
            var random = RandomPolicy(seed: seed)
            let compilation = LinearAlgorithmTests.compiled(random.text())
            guard let policy = compilation.policy else { continue }
            checked += 1
            let linter = Linter(policy: policy, spans: compilation.spans, lintDate: CalendarDate(iso: "2026-03-02"))
            let pairs: [(String, [Diagnostic], [Diagnostic])] = [
                ("overlap", linter.overlappingRules(), linter.overlappingRulesReference()),
                ("gaps", linter.coverageGaps(), linter.coverageGapsReference()),
                ("duties", linter.separationOfDuties(), linter.separationOfDutiesReference()),
                ("nobody", linter.substitutesNamingNobody(), linter.substitutesNamingNobodyReference()),
                ("scopes", linter.scopesWithoutSubstitute(), linter.scopesWithoutSubstituteReference()),
            ]
            for (name, fast, reference) in pairs {
                // The old overlap check walked its groups in dictionary order; compare as sets.
                let a = LinearAlgorithmTests.render(fast), b = LinearAlgorithmTests.render(reference)
                #expect(name == "overlap" ? a.sorted() == b.sorted() : a == b, "seed \(seed), \(name)")
                if !fast.isEmpty { withFindings += 1 }
            }
        }
        #expect(checked >= 150, "only \(checked) generated policies compiled")
        #expect(withFindings >= 100)
    }

    @Test func diffIsTheReferenceDiff() throws {
        var checked = 0, changed = 0
        for seed in LinearAlgorithmTests.seeds {
            var one = RandomPolicy(seed: seed), other = RandomPolicy(seed: seed)
            var third = RandomPolicy(seed: seed &+ 1000)
            let a = LinearAlgorithmTests.compiled(one.text())
            let b = LinearAlgorithmTests.compiled(other.text(variant: true))
            let c = LinearAlgorithmTests.compiled(third.text())
            for (x, y) in [(a, b), (b, a), (a, c)] {
                guard let old = x.policy, let new = y.policy, old.version != new.version else { continue }
                checked += 1
                let access = AccessComparison(old: old, new: new).changes()
                #expect(access == ReferenceAccessComparison(old: old, new: new).changes(), "seed \(seed): access")
                let routing = RoutingComparison(old: old, new: new).changes()
                #expect(routing == ReferenceRoutingComparison(old: old, new: new).changes(), "seed \(seed): routing")
                if !access.isEmpty || !routing.isEmpty { changed += 1 }
            }
        }
        #expect(checked >= 300)
        #expect(changed >= 200)
    }

    /// The diff walks both sides' rows login by login as runs of the sorted tables; rows in any
    /// other order take the grouped way. Both give what grouping by login and sorting gave.
    @Test func loginWalkIsTheGroupedWalk() throws {
        func reference(_ old: [PermissionRow], _ new: [PermissionRow]) -> [String] {
            let oldRows = Dictionary(grouping: old, by: \.login), newRows = Dictionary(grouping: new, by: \.login)
            return Set(oldRows.keys).union(newRows.keys).sorted().map { "\($0) \(oldRows[$0] ?? []) \(newRows[$0] ?? [])" }
        }
        func walked(_ old: [PermissionRow], _ new: [PermissionRow]) -> [String] {
            var result: [String] = []
            AccessComparison.forEachLogin(old, new) { login, before, after in result.append("\(login) \(before) \(after)") }
            return result
        }
        var checked = 0
        for seed in LinearAlgorithmTests.seeds.prefix(120) {
            var one = RandomPolicy(seed: seed), other = RandomPolicy(seed: seed &+ 7)
            guard let a = LinearAlgorithmTests.compiled(one.text()).policy?.tables.permissions,
                  let b = LinearAlgorithmTests.compiled(other.text(variant: true)).policy?.tables.permissions else { continue }
            #expect(AccessComparison.loginRuns(a) != nil, "seed \(seed): compiled rows are sorted by login")
            #expect(walked(a, b) == reference(a, b), "seed \(seed)")
            #expect(walked(b, []) == reference(b, []), "seed \(seed)")
            // Out of login order (reversed): the grouped way, the same answer.
            if Set(a.map(\.login)).count > 1 {
                #expect(AccessComparison.loginRuns(Array(a.reversed())) == nil)
            }
            #expect(walked(a.reversed(), b) == reference(a.reversed(), b), "seed \(seed): reversed")
            checked += 1
        }
        #expect(checked >= 60)
    }

    @Test func decisionsAreTheExplainedDecisions() throws {
        let actions = Action.allCases
        var checked = 0
        for seed in LinearAlgorithmTests.seeds.prefix(30) {
            var random = RandomPolicy(seed: seed)
            let compilation = LinearAlgorithmTests.compiled(random.text())
            guard let policy = compilation.policy else { continue }
            let bytes = DecisionBundle(policy: policy, sourceDigest: Array(repeating: 7, count: 32)).encoded()
            let bundle = try bytes.withUnsafeBytes { try DecisionBundle(bytes: $0) }
            let logins = policy.tables.logins + ["nobody", "p0-longer-than-sixteen-bytes"]
            for day in ["2025-06-01", "2026-03-02", "2027-02-01"] {
                let date = CalendarDate(iso: day)!
                for login in logins {
                    for action in actions {
                        for node in [nil] + policy.tables.nodes.indices.map(Optional.some) {
                            for assignee in [nil, login, "someone"] {
                                let expected = policy.explain(login: login, action: action, node: node, assignee: assignee, on: date).allowed
                                #expect(policy.decide(login: login, action: action, node: node, assignee: assignee, on: date) == expected)
                                #expect(bundle.decide(login: login, action: action, node: node, assignee: assignee, on: date) == expected)
                                if let id = bundle.loginID(login) {
                                    #expect(bundle.decide(loginID: id, actionBit: action.bit, node: node.map(Int32.init) ?? -1, assigned: assignee == login, day: date.dayNumber) == expected)
                                }
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 50_000)
    }
}

@Suite("Scale: the decision bundle")
struct DecisionBundleTests {
    static func made() throws -> (CompiledPolicy, SourceSet, [UInt8]) {
        let sources = SourceSet(files: [SourceFile(path: "p.lko", text: tablesPolicy)])
        let compilation = PolicyCompiler.compile(sources)
        let policy = try #require(compilation.policy)
        return (policy, sources, DecisionBundle(policy: policy, sourceDigest: DecisionBundle.sourceDigest(sources)).encoded())
    }

    static func load(_ bytes: [UInt8], digest: [UInt8]? = nil) throws -> DecisionBundle {
        try bytes.withUnsafeBytes { try DecisionBundle(bytes: $0, policyDigest: digest) }
    }

    static func refusal(_ bytes: [UInt8], digest: [UInt8]? = nil) -> DecisionBundle.BundleError? {
        do {
            _ = try load(bytes, digest: digest)
            return nil
        } catch let error as DecisionBundle.BundleError {
            return error
        } catch {
            return .malformed("unexpected \(error)")
        }
    }

    @Test func roundTripKeepsEverything() throws {
        let (policy, sources, bytes) = try Self.made()
        let bundle = try Self.load(bytes, digest: DecisionBundle.sourceDigest(sources))
        #expect(bundle.version == policy.version)
        #expect(bundle.timeZone == "Europe/Moscow")
        #expect(bundle.sourceDigest == DecisionBundle.sourceDigest(sources))
        #expect(bundle.lookupKeys.logins.map(\.0) == policy.tables.logins)
        #expect(bundle.nodeIndex(category: "b", subcategory: "y") == policy.nodeIndex(category: "b", subcategory: "y"))
        #expect(bundle.nodeIndex(category: "b", subcategory: "b.y.f1") == policy.nodeIndex(category: "b", subcategory: "b.y.f1"))
        #expect(bundle.nodeIndex(category: "a", subcategory: "b.y") == nil)
        #expect(bundle.encoded() == bytes)
        // The same text in another file name and order is the same policy text.
        let renamed = SourceSet(files: [SourceFile(path: "elsewhere/q.lko", text: tablesPolicy)])
        #expect(DecisionBundle.sourceDigest(renamed) == DecisionBundle.sourceDigest(sources))
    }

    @Test func truncatedIsRefused() throws {
        let (_, _, bytes) = try Self.made()
        for length in [0, 3, 8, 20, 87, 88, 89, bytes.count / 2, bytes.count - 1] {
            let error = Self.refusal(Array(bytes.prefix(length)))
            #expect(error != nil, "truncated to \(length)")
            if length >= 8 {
                guard case .truncated = error else { Issue.record("truncated to \(length): \(String(describing: error))"); continue }
            }
        }
        #expect(Self.refusal(bytes + [0]) != nil)
    }

    @Test func everyBitFlipIsRefused() throws {
        let (_, _, bytes) = try Self.made()
        // Every byte, one bit each (rotating), plus every bit of the header.
        for index in bytes.indices {
            for bit in (index < 88 ? Array(0..<8) : [index % 8]) {
                var flipped = bytes
                flipped[index] ^= 1 << UInt8(bit)
                #expect(Self.refusal(flipped) != nil, "byte \(index) bit \(bit)")
            }
        }
    }

    @Test func wrongMagicIsRefused() throws {
        let (_, _, bytes) = try Self.made()
        var foreign = bytes
        foreign.replaceSubrange(0..<8, with: Array("SQLite f".utf8))
        #expect(Self.refusal(foreign) == .notABundle)
        #expect(Self.refusal(Array("{\"format\":1}".utf8)) == .notABundle)
        #expect(Self.refusal([]) == .notABundle)
        #expect(DecisionBundle.BundleError.notABundle.description.contains("lko compile --bundle"))
    }

    @Test func wrongVersionIsRefused() throws {
        let (_, _, bytes) = try Self.made()
        var future = bytes
        future[8] = 2
        #expect(Self.refusal(future) == .unsupportedVersion(2))
        #expect(DecisionBundle.BundleError.unsupportedVersion(2).description.contains("format version 2"))
    }

    @Test func staleAgainstAGivenPolicyIsRefused() throws {
        let (_, sources, bytes) = try Self.made()
        let edited = SourceSet(files: [SourceFile(path: "p.lko", text: tablesPolicy + "grant executor to newcomer on b.x\n")])
        let error = Self.refusal(bytes, digest: DecisionBundle.sourceDigest(edited))
        guard case .stale = error else { Issue.record("not refused as stale: \(String(describing: error))"); return }
        #expect(error?.description.contains("stale") == true)
        #expect(Self.refusal(bytes, digest: DecisionBundle.sourceDigest(sources)) == nil)
    }
}

@Suite("Scale: point sets as ranges")
struct PointSetTests {
    /// Every operation of the range representation against the bit set it replaced, on random
    /// sets built from random ranges (the shape rule boxes have) and single members.
    @Test func rangesAnswerLikeTheBitSet() {
        var random = RandomPolicy(seed: 99)
        for _ in 0..<2_000 {
            let count = 1 + random.below(200)
            func make() -> (PointSet, BitSet) {
                var points = PointSet(count: count, filled: random.chance(5))
                var bits = BitSet(count: count, filled: !points.isEmpty)
                for _ in 0..<random.below(5) {
                    let start = random.below(count), end = min(count, start + random.below(12))
                    points.insert(Int32(start)..<Int32(end))
                    for member in start..<end { bits.insert(member) }
                }
                return (points, bits)
            }
            let (a, bitsA) = make(), (b, bitsB) = make()
            #expect(a.members == bitsA.members)
            #expect(a.isEmpty == bitsA.isEmpty)
            #expect(a.first == bitsA.first)
            #expect(a.memberCount == bitsA.memberCount)
            #expect(a.intersection(b).members == bitsA.intersection(bitsB).members)
            #expect(a.subtracting(b).members == bitsA.subtracting(bitsB).members)
            #expect(a.intersects(b) == bitsA.intersects(bitsB))
            // Canonical form: equal sets compare equal (boxes are hashed).
            #expect(a.intersection(b) == b.intersection(a))
            for range in a.ranges { #expect(!range.isEmpty) }
            for (x, y) in zip(a.ranges, a.ranges.dropFirst()) { #expect(x.upperBound < y.lowerBound) }
        }
    }
}
