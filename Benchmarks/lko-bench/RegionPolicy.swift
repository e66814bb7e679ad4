import Foundation

/// SplitMix64: a small, fast, seeded generator, so every run writes the same policy and cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

/// The shape of a region-size policy. `scaled(k)` multiplies everything but the per-node shape.
struct RegionShape: CustomStringConvertible {
    var categories = 50
    var subcategoriesPerCategory = 10
    var factsPerSubcategory = 3
    var logins = 5_000
    var grants = 20_000
    var autoRules = 2_000
    var fastTracks = 100
    var sources = 40
    var localities = 60

    func scaled(_ k: Int) -> RegionShape {
        var s = self
        s.categories *= k; s.logins *= k; s.grants *= k; s.autoRules *= k; s.fastTracks *= k
        return s
    }

    var subcategories: Int { categories * subcategoriesPerCategory }
    var nodes: Int { categories * (1 + subcategoriesPerCategory * (1 + factsPerSubcategory)) }

    var description: String {
        "\(logins) logins, \(categories)×\(subcategoriesPerCategory) categories × \(factsPerSubcategory) facts (\(nodes) nodes), \(grants) grants, \(autoRules) auto-rules, \(fastTracks) fast-tracks"
    }
}

/// Writes a region-size policy as .lko text (several files), deterministic for a seed.
///
/// People: `adm0…` administrators, `crd0…` coordinators, `cur0…` curators, `mgr<c>` one manager
/// per category, `exe<c>_<s>` one primary executor per subcategory (autorule targets), the rest
/// `emp<n>` with mixed grants (executor mostly, some time-bounded substitutes, some managers).
/// `variant` changes 1 % of grants and 1 % of auto-rules (for the diff benchmark).
struct RegionPolicy {
    let shape: RegionShape
    let seed: UInt64
    var variant = false

    static let administrator = "adm0"

    func category(_ c: Int) -> String { "c\(c)" }
    func subcategory(_ s: Int) -> String { "s\(s)" }
    func subPath(_ c: Int, _ s: Int) -> String { "c\(c).s\(s)" }
    func primaryExecutor(_ c: Int, _ s: Int) -> String { "exe\(c)_\(s)" }
    func manager(_ c: Int) -> String { "mgr\(c)" }
    func source(_ i: Int) -> String { "SRC_\(i)" }
    func locality(_ i: Int) -> String { "Населённый пункт \(i)" }
    func coordinator(_ i: Int) -> String { "crd\(i)" }
    static let coordinators = 10
    static let curators = 20
    static let administrators = 5

    /// Whether a subcategory is accelerated (every 7th).
    func accelerated(_ c: Int, _ s: Int) -> Bool { (c * shape.subcategoriesPerCategory + s) % 7 == 3 }

    /// file name → text
    func files() -> [(String, String)] {
        var rng = SplitMix64(seed: seed)
        var out: [(String, String)] = []
        out.append(("organization.lko", """
            # Региональная политика (сгенерирована lko-bench, seed \(seed)).
            organization "Синтетическая администрация региона" {
              timezone "Europe/Moscow"
              term appeal 30 calendar days
              term message 30 calendar days
              deadline preceding_working_day
              executor_role executor
              coordinator_role coordinator
            }

            role coordinator "Координатор" {
              allow view, assign, reassign, redirect, extend on any
              allow report on any
            }

            role executor "Исполнитель" {
              allow view, draft, submit on assigned and granted
            }

            role manager "Руководитель" {
              allow view, approve, return on granted
              allow extend on granted
            }

            role curator "Куратор" {
              allow view on any
              allow approve, return on granted
              allow report on any
            }

            role admin "Администратор" {
              allow manage_users, manage_policy, manage_delegations, view_audit on any
            }

            """))

        // Tree.
        var tree = ""
        tree.reserveCapacity(shape.nodes * 60)
        for c in 0..<shape.categories {
            tree += "category \(category(c)) \"Категория \(c)\" {\n"
            for s in 0..<shape.subcategoriesPerCategory {
                tree += "  subcategory \(subcategory(s)) \"Подкатегория \(c).\(s)\" {\n"
                if accelerated(c, s) {
                    tree += "    term 10 calendar days\n    accelerated\n"
                }
                for f in 0..<shape.factsPerSubcategory {
                    tree += "    fact f\(f) \"Факт \(c).\(s).\(f)\"\n"
                }
                tree += "  }\n"
            }
            tree += "}\n\n"
        }
        out.append(("categories.lko", tree))

        // Grants.
        var grants: [String] = []
        grants.reserveCapacity(shape.grants)
        for i in 0..<RegionPolicy.administrators { grants.append("grant admin to adm\(i)") }
        for i in 0..<RegionPolicy.coordinators { grants.append("grant coordinator to \(coordinator(i))") }
        for i in 0..<RegionPolicy.curators {
            let cats = (0..<3).map { _ in category(rng.below(shape.categories)) }
            grants.append("grant curator to cur\(i) on \(Set(cats).sorted().joined(separator: ", "))")
        }
        for c in 0..<shape.categories { grants.append("grant manager to \(manager(c)) on \(category(c))") }
        for c in 0..<shape.categories {
            for s in 0..<shape.subcategoriesPerCategory {
                grants.append("grant executor to \(primaryExecutor(c, s)) on \(subPath(c, s))")
            }
        }
        let named = RegionPolicy.administrators + RegionPolicy.coordinators + RegionPolicy.curators + shape.categories + shape.subcategories
        let others = max(1, shape.logins - named)
        var n = 0
        while grants.count < shape.grants {
            let login = "emp\(n % others)"
            n += 1
            let roll = rng.below(100)
            let c = rng.below(shape.categories)
            var line: String
            if roll < 12 {
                line = "grant manager to \(login) on \(category(c))"
            } else {
                // executor: 1–3 subcategories, sometimes a whole category, sometimes facts
                let k = 1 + rng.below(3)
                var paths: [String] = []
                for _ in 0..<k {
                    let s = rng.below(shape.subcategoriesPerCategory)
                    switch rng.below(10) {
                    case 0: paths.append(category(c))
                    case 1: paths.append("\(subPath(c, s)).f\(rng.below(shape.factsPerSubcategory))")
                    default: paths.append(subPath(c, s))
                    }
                }
                line = "grant executor to \(login) on \(Set(paths).sorted().joined(separator: ", "))"
                if roll >= 80 {
                    // a substitute for a holiday: time-bounded, both dates inclusive
                    let month = 1 + rng.below(12)
                    let from = String(format: "2026-%02d-%02d", month, 1 + rng.below(14))
                    let until = String(format: "2026-%02d-%02d", month, 15 + rng.below(13))
                    line += " from \(from) until \(until)"
                }
            }
            if variant, grants.count % 100 == 37 {
                // the 1 % that changes: widen to the whole category, or move to another one
                // (decided from the index, not the generator, so the other 99 % stay identical)
                line = grants.count % 200 < 100 ? "grant executor to \(login) on \(category(c))" : "grant manager to \(login) on \(category((c + 1) % shape.categories))"
            }
            grants.append(line)
        }
        // One file up to 4× (byte-identical to before); larger policies in files of 100,000
        // grants, as policy files are limited to 64 MiB each.
        if grants.count <= 100_000 {
            out.append(("grants.lko", "# Назначения ролей (\(grants.count)).\n" + grants.joined(separator: "\n") + "\n"))
        } else {
            for start in stride(from: 0, to: grants.count, by: 100_000) {
                let part = grants[start..<min(start + 100_000, grants.count)]
                out.append(("grants-\(start / 100_000).lko", "# Назначения ролей (\(part.count) из \(grants.count)).\n" + part.joined(separator: "\n") + "\n"))
            }
        }

        // Auto-rules: spread over the subcategories, four kinds of conditions.
        var rules = ""
        for k in 0..<shape.autoRules {
            let sub = k % shape.subcategories
            let c = sub / shape.subcategoriesPerCategory, s = sub % shape.subcategoriesPerCategory
            var priority = 10 + rng.below(900)
            let kind = (k / shape.subcategories) % 4
            var conditions: [String] = []
            switch kind {
            case 0:
                conditions.append("when subcategory \(subPath(c, s))")
                conditions.append("when regime \(rng.chance(0.5) ? "appeal" : "message")")
            case 1:
                conditions.append("when subcategory \(subPath(c, s))")
                let a = rng.below(shape.sources), b = (a + 1 + rng.below(shape.sources - 1)) % shape.sources
                conditions.append("when source \(source(a)), \(source(b))")
            case 2:
                conditions.append("when fact \(subPath(c, s)).f\(rng.below(shape.factsPerSubcategory))")
                conditions.append("when channel \(["widget", "epgu_account", "mobile_app"][rng.below(3)])")
            default:
                conditions.append("when subcategory \(subPath(c, s))")
                conditions.append("when locality \"\(locality(rng.below(shape.localities)))\"")
            }
            var target = rng.chance(0.1) ? "leave to coordinator" : "assign \(primaryExecutor(c, s))"
            if variant, k % 100 == 51 {
                priority += 1
                target = target.hasPrefix("assign") ? "leave to coordinator" : "assign \(primaryExecutor(c, s))"
            }
            rules += "autorule r\(k) priority \(priority) {\n"
            for line in conditions { rules += "  \(line)\n" }
            rules += "  \(target)\n}\n\n"
        }
        out.append(("routing.lko", rules))

        var fast = ""
        for k in 0..<shape.fastTracks {
            let sub = (k * 37) % shape.subcategories
            let c = sub / shape.subcategoriesPerCategory, s = sub % shape.subcategoriesPerCategory
            fast += """
                fasttrack ft\(k) "Быстрый маршрут \(k)" priority \(k % 50) {
                  when source MED_DOC_EPGU, \(source(k % shape.sources))
                  when subcategory \(subPath(c, s))
                  term 5 calendar days
                  assign \(primaryExecutor(c, s))
                }


                """
        }
        out.append(("fasttracks.lko", fast))
        return out
    }

    func write(to folder: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: folder)
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files() {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}

/// Cases for import and routing: deterministic, spread over the whole tree.
struct RegionCases {
    let policy: RegionPolicy
    let seed: UInt64

    struct Case {
        var pos: String
        var c: Int
        var s: Int
        var fact: Int?
        var regime: String
        var channel: String?
        var source: String?
        var locality: String?
    }

    func make(_ count: Int) -> [Case] {
        var rng = SplitMix64(seed: seed)
        let shape = policy.shape
        var cases: [Case] = []
        cases.reserveCapacity(count)
        let channels = ["widget", "epgu_account", "mobile_app"]
        for i in 0..<count {
            let c = rng.below(shape.categories), s = rng.below(shape.subcategoriesPerCategory)
            let fact: Int? = rng.chance(0.5) ? rng.below(shape.factsPerSubcategory) : nil
            let source: String? = rng.chance(0.05) ? "MED_DOC_EPGU" : (rng.chance(0.7) ? policy.source(rng.below(shape.sources + 10)) : nil)
            cases.append(Case(
                pos: "R\(1_000_000 + i)", c: c, s: s, fact: fact,
                regime: rng.chance(0.3) ? "appeal" : "message",
                channel: rng.chance(0.9) ? channels[rng.below(3)] : nil,
                source: source,
                locality: rng.chance(0.8) ? policy.locality(rng.below(shape.localities + 20)) : nil
            ))
        }
        return cases
    }

    /// JSON Lines for `CaseImporter` (the ПОС export format, docs/import.md).
    static func jsonLines(_ cases: [Case], date: String) -> Data {
        var text = ""
        text.reserveCapacity(cases.count * 260)
        func q(_ s: String) -> String { "\"\(s)\"" }
        for item in cases {
            var fields = ["\"pos_number\":\(q(item.pos))", "\"regime\":\(q(item.regime))", "\"category\":\(q("c\(item.c)"))", "\"subcategory\":\(q("s\(item.s)"))"]
            if let f = item.fact { fields.append("\"fact\":\(q("f\(f)"))") }
            if let v = item.source { fields.append("\"source\":\(q(v))") }
            if let v = item.channel { fields.append("\"channel\":\(q(v))") }
            if let v = item.locality { fields.append("\"locality\":\(q(v))") }
            fields.append("\"address\":\"ул. Ленина, \(item.pos.suffix(3))\"")
            fields.append("\"description\":\"Обращение \(item.pos): описание проблемы заявителем\"")
            fields.append("\"applicant\":{\"name\":\"Иванов И. И.\",\"contacts\":\"+7 900 000-00-00\"}")
            fields.append("\"received_at\":\(q(date))")
            fields.append("\"status\":\"received\"")
            text += "{" + fields.joined(separator: ",") + "}\n"
        }
        return Data(text.utf8)
    }
}
