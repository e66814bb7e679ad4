// lko-bench: region-scale benchmarks (docs/benchmarks.md).
//
//   swift build -c release --product lko        # for the `lko check` subprocess measurement
//   swift run -c release lko-bench [--quick] [--only LIST] [--scales 1,4,16] [--runs N] [--cases N]
//   swift run -c release lko-bench gen DIR [--scale K] [--variant]   # just write the policy
//
// LIST: check,decide,route,diff,import,lifecycle,argon2,growth (default: all).
import Foundation
import LKOAccounts
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOWorkflow

// MARK: Options

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let quick = arguments.contains("--quick")
let runs = option("--runs").flatMap(Int.init) ?? (quick ? 3 : 5)
let caseCount = option("--cases").flatMap(Int.init) ?? (quick ? 10_000 : 100_000)
let only: Set<String>? = option("--only").map { Set($0.split(separator: ",").map(String.init)) }
let scales = option("--scales").map { $0.split(separator: ",").compactMap { Int($0) } } ?? (quick ? [1, 4] : [1, 4, 16, 64])
let seed: UInt64 = 20_260_302
let decisionDay = CalendarDate(iso: "2026-03-02")!
// `--scale K` runs every benchmark on the K× region policy (profiling at size).
let baseShape = RegionShape().scaled(option("--scale").flatMap(Int.init) ?? 1)

func wanted(_ name: String) -> Bool { only?.contains(name) ?? true }

if arguments.first == "gen" {
    guard arguments.count >= 2 else { log("usage: lko-bench gen DIR [--scale K] [--variant]"); exit(2) }
    var policy = RegionPolicy(shape: baseShape, seed: seed)
    policy.variant = arguments.contains("--variant")
    try policy.write(to: arguments[1])
    print("\(arguments[1]): \(policy.shape)")
    exit(0)
}

if arguments.first == "diff-child" {
    // What `lko diff` does once both sides are read: compile both (no lint), then PolicyDiff
    // (which lints both sides). Run as a child so its peak memory can be measured on its own.
    guard arguments.count >= 3 else { log("usage: lko-bench diff-child OLD NEW"); exit(2) }
    // LKO_BENCH_STAGES=1: after each step, its peak resident size and what is still held, on stderr
    // (where a diff's memory goes: docs/benchmarks.md, section 4).
    let stages = ProcessInfo.processInfo.environment["LKO_BENCH_STAGES"] == "1"
    func stage(_ name: String) {
        guard stages else { return }
        // Freed pages back to the system first, so that VmRSS is what is still held.
        if let trim = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        log("\(name): " + lines.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", "))
        // Reset the peak (VmHWM), so the next line shows the next step's own peak.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
    let options = CompileOptions(lintDate: decisionDay, lint: false)
    let old = PolicyCompiler.compile(try PolicyLoader.load(path: arguments[1]), options: options)
    stage("old side compiled")
    let new = PolicyCompiler.compile(try PolicyLoader.load(path: arguments[2]), options: options)
    stage("new side compiled")
    let diff = try PolicyDiff.compute(DiffInput(oldLabel: "a", old: old, newLabel: "b", new: new, at: decisionDay))
    stage("diff computed")
    print("\(diff.access.count) access changes, \(diff.routing.count) routing rows")
    exit(0)
}

let workRoot = FileManager.default.temporaryDirectory.appendingPathComponent("lko-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: workRoot, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workRoot) }

let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let lkoBinary = binDir + "/lko"

/// The load average now, as "1.0 0.9 0.8" (every figure is reported with the load it ran under).
func loadLine() -> String {
    var load = [Double](repeating: 0, count: 3)
    getloadavg(&load, 3)
    return String(format: "%.1f %.1f %.1f", load[0], load[1], load[2])
}

func machineLine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    let mem = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
        .split(whereSeparator: { $0 == " " }).dropFirst().first.flatMap { Double($0) }.map { String(format: "%.1f GiB", $0 / 1024 / 1024) } ?? "?"
    var load = [Double](repeating: 0, count: 3)
    getloadavg(&load, 3)
    return "\(ProcessInfo.processInfo.activeProcessorCount) cpu, \(cpu), \(mem) RAM, load average \(String(format: "%.1f %.1f %.1f", load[0], load[1], load[2]))"
}

print("# lko-bench \(quick ? "(quick)" : "")")
print("")
print("machine: \(machineLine())")
print("runs per figure: \(runs) (median reported); region policy: \(baseShape)")
print("")

// MARK: Policy helpers

func writePolicy(_ shape: RegionShape, variant: Bool = false) throws -> String {
    var policy = RegionPolicy(shape: shape, seed: seed)
    policy.variant = variant
    let folder = workRoot + "/policy-\(shape.categories)-\(variant ? "b" : "a")"
    try policy.write(to: folder)
    return folder
}

/// What `lko check` does in process: read the folder, parse, resolve, index, validate, lint.
func checkAndCompile(_ folder: String, lint: Bool = true) throws -> Compilation {
    let sources = try PolicyLoader.load(path: folder)
    return PolicyCompiler.compile(sources, options: CompileOptions(lintDate: decisionDay, lint: lint))
}

func compiled(_ folder: String) throws -> (Compilation, CompiledPolicy) {
    let compilation = try checkAndCompile(folder)
    guard let policy = compilation.policy else {
        let errors = compilation.diagnostics.filter { $0.severity == .error }.prefix(5).map { "\($0.code.rawValue) \($0.message)" }
        log("the generated policy has errors:\n" + errors.joined(separator: "\n"))
        exit(1)
    }
    return (compilation, policy)
}

struct Request {
    var login: String
    var action: Action
    var node: Int
    var assignee: String?
}

func makeRequests(_ policy: CompiledPolicy, count: Int) -> [Request] {
    var rng = SplitMix64(seed: seed ^ 0xDEC1DE)
    let logins = policy.tables.logins
    let nodes = policy.tables.nodes.count
    let actions: [Action] = [.view, .view, .draft, .submit, .approve, .return, .assign, .reassign, .extend, .manageUsers]
    var out: [Request] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
        let login = logins[rng.below(logins.count)]
        let assignee: String? = rng.chance(0.4) ? login : (rng.chance(0.5) ? logins[rng.below(logins.count)] : nil)
        out.append(Request(login: login, action: actions[rng.below(actions.count)], node: rng.below(nodes), assignee: assignee))
    }
    return out
}

/// Median nanoseconds per decision over `requests`, and the allow share.
func timeDecisions(_ policy: CompiledPolicy, _ requests: [Request], runs: Int) -> (ns: Double, allowShare: Double, samples: [Double]) {
    var allowed = 0
    var samples: [Double] = []
    for _ in 0..<runs {
        allowed = 0
        let t = seconds {
            for request in requests where policy.decide(login: request.login, action: request.action, node: request.node, assignee: request.assignee, on: decisionDay) {
                allowed += 1
            }
        }
        samples.append(t * 1e9 / Double(requests.count))
    }
    return (median(samples), Double(allowed) / Double(requests.count), samples)
}

func makeMessages(_ shape: RegionShape, count: Int) -> [CaseAttributes] {
    let policy = RegionPolicy(shape: shape, seed: seed)
    let cases = RegionCases(policy: policy, seed: seed ^ 0x7001).make(min(count, 100_000))
    var out: [CaseAttributes] = []
    out.reserveCapacity(count)
    let attributes = cases.map { item in
        CaseAttributes(
            node: item.fact.map { "c\(item.c).s\(item.s).f\($0)" } ?? "c\(item.c).s\(item.s)",
            regime: Regime(rawValue: item.regime), channel: item.channel.flatMap(Channel.init(rawValue:)),
            source: item.source, locality: item.locality
        )
    }
    while out.count < count { out.append(contentsOf: attributes.prefix(count - out.count)) }
    return out
}

func timeRouting(_ policy: CompiledPolicy, _ messages: [CaseAttributes], runs: Int) -> (seconds: Double, fast: Int, auto: Int, coordinator: Int) {
    var fast = 0, auto = 0, none = 0
    let result = measure(runs: runs) {
        fast = 0; auto = 0; none = 0
        for message in messages {
            guard let decision = policy.route(message, on: decisionDay) else { continue }
            switch decision.via {
            case .fastTrack: fast += 1
            case .autoRule: auto += 1
            case .noRule: none += 1
            }
        }
    }
    return (result.median, fast, auto, none)
}

func timeDiff(_ old: Compilation, _ new: Compilation, runs: Int) throws -> (seconds: Double, diff: PolicyDiff) {
    var diff: PolicyDiff?
    let result = try measure(runs: runs) {
        diff = try PolicyDiff.compute(DiffInput(oldLabel: "a", old: old, newLabel: "b", new: new, at: decisionDay))
    }
    return (result.median, diff!)
}

var summary = Table("benchmark", "result", "goal", "verdict")

// MARK: 1. check + compile

let regionFolder = try writePolicy(baseShape)
let regionBytes = (try FileManager.default.contentsOfDirectory(atPath: regionFolder)).reduce(0) { total, name in
    total + ((try? FileManager.default.attributesOfItem(atPath: regionFolder + "/" + name)[.size] as? Int) ?? 0)
}
var regionCompilation: Compilation!
var regionPolicy: CompiledPolicy!
(regionCompilation, regionPolicy) = try compiled(regionFolder)
let warningCount = regionCompilation.diagnostics.filter { $0.severity != .error }.count
print("region policy: \(regionFolder) (\(regionBytes / 1024) KiB of .lko text, \(regionPolicy.tables.grants.count) grants, \(regionPolicy.tables.autoRules.count) auto-rules, \(regionPolicy.tables.fastTracks.count) fast-tracks, \(regionPolicy.tables.nodes.count) nodes, \(warningCount) lint warnings)")
print("")

if wanted("check") {
    var table = Table("step (region policy, in process)", "median (s)", "samples (s)")
    let parseOnly = try measure(runs: runs) { _ = ParsedPolicy(sources: try PolicyLoader.load(path: regionFolder)) }
    table.add("read + parse", fmt(parseOnly.median), parseOnly.samples.map { fmt($0) }.joined(separator: " "))
    let noLint = try measure(runs: runs) { _ = try checkAndCompile(regionFolder, lint: false) }
    table.add("read + parse + resolve + index + validate", fmt(noLint.median), noLint.samples.map { fmt($0) }.joined(separator: " "))
    let full = try measure(runs: runs) { _ = try checkAndCompile(regionFolder, lint: true) }
    table.add("… + lint (= lko check)", fmt(full.median), full.samples.map { fmt($0) }.joined(separator: " "))
    print("## check + compile\n")
    print(table.render())
    print("")
    if FileManager.default.isExecutableFile(atPath: lkoBinary) {
        var wall: [Double] = [], peak: [Double] = []
        var status: Int32 = 0
        for _ in 0..<runs {
            let r = runChild(lkoBinary, ["check", regionFolder, "--at", "2026-03-02"])
            wall.append(r.seconds); status = r.status
            peak.append(childPeakMiB(lkoBinary, ["check", regionFolder, "--at", "2026-03-02"]))
        }
        var sub = Table("`lko check` subprocess (whole process)", "median", "samples")
        sub.add("wall time (s)", fmt(median(wall)), wall.map { fmt($0) }.joined(separator: " "))
        sub.add("peak RSS (MiB, /usr/bin/time %M)", fmt(median(peak), 1), peak.map { fmt($0, 1) }.joined(separator: " "))
        print(sub.render())
        print("\n(`lko check` exit status \(status): 0 = no errors; warnings are printed but do not fail)\n")
        summary.add("lko check, region policy (subprocess)", "\(fmt(median(wall))) s, peak \(fmt(median(peak), 1)) MiB", "< 1 s, < 200 MB", median(wall) < 1 && median(peak) * 1.048576 < 200 ? "met" : "MISSED")
    } else {
        print("(no \(lkoBinary): run `swift build -c release --product lko` first for the subprocess figure)\n")
    }
    summary.add("check + compile in process (lint on)", "\(fmt(full.median)) s", "< 1 s", full.median < 1 ? "met" : "MISSED")
}

// MARK: 2. one decision

if wanted("decide") {
    print("## one decision (CompiledPolicy.decide, in process)\n")
    let count = quick ? 200_000 : 1_000_000
    var table = Table("policy", "logins", "grants", "ns/decision (median)", "samples (ns)", "allow share")
    let requests = makeRequests(regionPolicy, count: count)
    let base = timeDecisions(regionPolicy, requests, runs: runs)
    table.add("region (1×)", grouped(Double(regionPolicy.tables.logins.count)), grouped(Double(regionPolicy.tables.grants.count)), fmt(base.ns, 1), base.samples.map { fmt($0, 1) }.joined(separator: " "), fmt(base.allowShare, 2))
    summary.add("one decision, region policy", "\(fmt(base.ns, 1)) ns", "≤ 100 ns", base.ns <= 100 ? "met" : "MISSED")
    // 10× the grants: ten times the people, the same tree and rules.
    var tenShape = baseShape
    tenShape.grants *= 10; tenShape.logins *= 10
    let (_, ten) = try compiled(try writePolicy(tenShape))
    let tenRequests = makeRequests(ten, count: count)
    let tenResult = timeDecisions(ten, tenRequests, runs: runs)
    table.add("10× grants (10× logins)", grouped(Double(ten.tables.logins.count)), grouped(Double(ten.tables.grants.count)), fmt(tenResult.ns, 1), tenResult.samples.map { fmt($0, 1) }.joined(separator: " "), fmt(tenResult.allowShare, 2))
    summary.add("one decision, 10× grants", "\(fmt(tenResult.ns, 1)) ns", "≤ 100 ns", tenResult.ns <= 100 ? "met" : "MISSED")
    // The same requests in login order: the same work, but each login's data stays in cache.
    // The gap to the random order is what memory latency costs (no hardware counters here).
    let sortedResult = timeDecisions(ten, tenRequests.sorted { $0.login < $1.login }, runs: runs)
    table.add("10× grants (10× logins), requests in login order", grouped(Double(ten.tables.logins.count)), grouped(Double(ten.tables.grants.count)), fmt(sortedResult.ns, 1), sortedResult.samples.map { fmt($0, 1) }.joined(separator: " "), fmt(sortedResult.allowShare, 2))
    // 10× the grants on the same people: each login holds ten times as many grants.
    var denseShape = baseShape
    denseShape.grants *= 10
    let (_, dense) = try compiled(try writePolicy(denseShape))
    let denseResult = timeDecisions(dense, makeRequests(dense, count: count), runs: runs)
    table.add("10× grants (same logins)", grouped(Double(dense.tables.logins.count)), grouped(Double(dense.tables.grants.count)), fmt(denseResult.ns, 1), denseResult.samples.map { fmt($0, 1) }.joined(separator: " "), fmt(denseResult.allowShare, 2))
    print(table.render())
    print("\n(\(grouped(Double(count))) prepared requests per run: random login of the policy, action, node, assignee = the login 40 %; the figure includes the login's dictionary lookup)\n")
}

// MARK: 3. routing

if wanted("route") {
    print("## routing (CompiledPolicy.route, with the executor check on the day)\n")
    let count = quick ? 200_000 : 1_000_000
    let messages = makeMessages(baseShape, count: count)
    let r = timeRouting(regionPolicy, messages, runs: runs)
    var table = Table("messages", "rules", "median (s)", "ns/message", "fast-track", "auto-rule", "coordinator")
    table.add(grouped(Double(count)), "\(regionPolicy.tables.autoRules.count) + \(regionPolicy.tables.fastTracks.count)", fmt(r.seconds), fmt(r.seconds * 1e9 / Double(count), 1), grouped(Double(r.fast)), grouped(Double(r.auto)), grouped(Double(r.coordinator)))
    print(table.render())
    print("")
    let perMillion = r.seconds * 1_000_000 / Double(count)
    summary.add("route 1,000,000 messages", "\(fmt(perMillion)) s" + (count == 1_000_000 ? "" : " (scaled from \(grouped(Double(count))))"), "< 1 s", perMillion < 1 ? "met" : "MISSED")
}

// MARK: 4. diff

if wanted("diff") {
    print("## PolicyDiff.compute (two region policies, 1 % of grants and auto-rules changed)\n")
    let (variantCompilation, _) = try compiled(try writePolicy(baseShape, variant: true))
    let d = try timeDiff(regionCompilation, variantCompilation, runs: max(1, runs - 2))
    var table = Table("median (s)", "access changes", "routing rows", "findings introduced / resolved", "risks")
    table.add(fmt(d.seconds), grouped(Double(d.diff.access.count)), grouped(Double(d.diff.routing.count)), "\(d.diff.findingsIntroduced.count) / \(d.diff.findingsResolved.count)", "\(d.diff.risks.count)")
    print(table.render())
    print("")
    summary.add("PolicyDiff.compute, 1 % changed", "\(fmt(d.seconds)) s", "< 2 s", d.seconds < 2 ? "met" : "MISSED")
}

// MARK: 5–6. import and lifecycle

if wanted("import") || wanted("lifecycle") {
    let cheap = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))
    let password = "correct horse battery staple"
    let clock = ManualWallClock(start: StoreClock.parse("2026-03-02T06:00:00Z")!)
    let dbPath = workRoot + "/lko.sqlite"
    let created = try Store.create(path: dbPath, sandbox: true, administrator: NewAccount(login: RegionPolicy.administrator, fullName: "Администратор"), password: password, clock: clock, hasher: cheap)
    try created.close()
    let store = try Store.open(path: dbPath, clock: clock, blockerProviders: [OpenCasesBlocker()])
    func account(_ login: String) throws -> Account {
        try store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login])! }
    }
    let bootstrap = try account(RegionPolicy.administrator)
    let region = RegionPolicy(shape: baseShape, seed: seed)
    var people: [String] = (0..<RegionPolicy.coordinators).map(region.coordinator)
    people += (0..<baseShape.categories).map(region.manager)
    for c in 0..<baseShape.categories { for s in 0..<baseShape.subcategoriesPerCategory { people.append(region.primaryExecutor(c, s)) } }
    // Accounts first: before a policy is active, `authorize` is a flag check; after, every
    // administrative call loads the active policy (see "load the active policy" below).
    let accountsTime = try seconds {
        for login in people { try store.addUser(by: bootstrap, NewAccount(login: login, fullName: "Сотрудник \(login)"), password: password, hasher: cheap) }
    }
    let applyTime = try seconds { _ = try store.apply(try PolicyLoader.load(path: regionFolder), message: "region", by: bootstrap) }
    let load = try measure(runs: runs) { _ = try store.activePolicy() }
    let workflow = try Workflow(store: store)
    print("## store: \(dbPath) (WAL, synchronous=NORMAL); \(people.count) accounts (cheap argon2 m=256 KiB) \(fmt(accountsTime)) s; apply region policy \(fmt(applyTime)) s\n")
    var loadTable = Table("load the active policy (Store.activePolicy: tables JSON → CompiledPolicy)", "median (s)", "samples (s)")
    loadTable.add("region policy", fmt(load.median), load.samples.map { fmt($0) }.joined(separator: " "))
    print(loadTable.render())
    print("\n(every command that opens the store and needs the policy pays this once; `Store.authorize` pays it on every administrative call)\n")

    let cases = RegionCases(policy: region, seed: seed ^ 0x1A5E).make(caseCount)
    let data = RegionCases.jsonLines(cases, date: "2026-03-02")
    var imported: CaseImporter.Report?
    let importTime = try seconds { imported = try CaseImporter(workflow: workflow).run(data, actor: region.coordinator(0)) }
    let report = imported!
    let importRate = Double(caseCount) / importTime
    var importTable = Table("cases", "bytes", "seconds", "cases/s", "inserted", "bad", "auto-assigned")
    let routed = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases WHERE state = 'assigned'")! }
    importTable.add(grouped(Double(caseCount)), grouped(Double(data.count)), fmt(importTime), grouped(importRate), grouped(Double(report.inserted)), "\(report.bad.count)", grouped(Double(routed)))
    print("## import (CaseImporter.run: decode, validate, route, deadline, insert + history, batches of 500)\n")
    print(importTable.render())
    print("")
    if let first = report.bad.first { print("first bad line: \(first.line): \(first.reason)\n") }
    summary.add("import \(grouped(Double(caseCount))) cases", "\(grouped(importRate)) cases/s", "≥ 20,000 cases/s", importRate >= 20_000 ? "met" : "MISSED")

    if wanted("lifecycle") {
        var accounts: [String: Account] = [:]
        for login in people { accounts[login] = try account(login) }
        let rows = try store.read { db in try SQLRow.fetchAll(db, sql: "SELECT pos_number, node, state, assignee FROM cases ORDER BY id") }
        var transitions = 0
        var refused = 0
        var byAction: [String: Int] = [:]
        func act(_ action: CaseAction, _ pos: String, _ login: String, target: String? = nil, text: String? = nil) throws {
            do {
                try workflow.perform(action, on: pos, by: accounts[login]!, input: .init(target: target, text: text))
                transitions += 1
                byAction[action.rawValue, default: 0] += 1
            } catch let error as WorkflowError {
                refused += 1
                if refused <= 3 { log("refused: \(action.rawValue) \(pos) by \(login): \(error)") }
            }
        }
        let lifecycleTime = try seconds {
            for (i, row) in rows.enumerated() {
                let pos: String = row["pos_number"]
                let node: String = row["node"]
                let state: String = row["state"]
                var assignee: String? = row["assignee"]
                let parts = node.split(separator: ".")
                let c = Int(parts[0].dropFirst())!, s = Int(parts[1].dropFirst())!
                if state == "received" {
                    let executor = region.primaryExecutor(c, s)
                    try act(.assign, pos, region.coordinator(i % RegionPolicy.coordinators), target: executor)
                    assignee = executor
                }
                guard let executor = assignee else { continue }
                try act(.draft, pos, executor, text: "Ответ заявителю по обращению \(pos): работы выполнены.")
                try act(.submit, pos, executor)
                try act(.approve, pos, region.manager(c))
            }
        }
        let rate = Double(transitions) / lifecycleTime
        var verification: AuditLog.Verification?
        let verifyTime = try seconds { verification = try store.read { db in try AuditLog.verify(db) } }
        var table = Table("cases", "transitions", "refused", "seconds", "transitions/s", "cases/s", "audit entries", "audit verify (s)")
        table.add(grouped(Double(rows.count)), grouped(Double(transitions)), "\(refused)", fmt(lifecycleTime), grouped(rate), grouped(Double(rows.count) / lifecycleTime), grouped(Double(verification?.entries ?? 0)), fmt(verifyTime) + (verification?.firstBreak == nil ? " (intact)" : " (BROKEN)"))
        print("## lifecycle (Workflow.perform: gate + state + separation of duties + case + history + audit chain, one transaction each)\n")
        print(table.render())
        print("\nper action: " + byAction.sorted { $0.key < $1.key }.map { "\($0.key) \(grouped(Double($0.value)))" }.joined(separator: ", ") + "\n")
        summary.add("lifecycle, \(grouped(Double(rows.count))) cases", "\(grouped(rate)) transitions/s", "≥ 5,000 transitions/s", rate >= 5_000 ? "met" : "MISSED")
        let size = (try? FileManager.default.attributesOfItem(atPath: dbPath)[.size] as? Int) ?? 0
        print("database after the run: \(grouped(Double(size))) bytes\n")
    }
    try store.close()
}

// MARK: 7. argon2id

if wanted("argon2") {
    let hasher = PasswordHasher()
    var encoded = ""
    let hash = try measure(runs: runs) { encoded = try hasher.hash(password: "correct horse battery staple") }
    let verify = try measure(runs: runs) { _ = try hasher.verify(password: "correct horse battery staple", encoded: encoded) }
    print("## argon2id at the shipped parameters (\(hasher.parameters))\n")
    var table = Table("operation", "median (ms)", "samples (ms)")
    table.add("hash", fmt(hash.median * 1000, 1), hash.samples.map { fmt($0 * 1000, 1) }.joined(separator: " "))
    table.add("verify", fmt(verify.median * 1000, 1), verify.samples.map { fmt($0 * 1000, 1) }.joined(separator: " "))
    print(table.render())
    print("")
    summary.add("argon2id hash (shipped parameters)", "\(fmt(hash.median * 1000, 1)) ms", "report", "—")
}

// MARK: 8. growth

if wanted("growth") {
    print("## growth with policy size (k × logins, grants, categories, auto-rules, fast-tracks)\n")
    print("check: `lko check` as a subprocess (median of the runs) and in process; diff: `PolicyDiff.compute` in process, and `lko-bench diff-child` (compile both sides + diff, as `lko diff` does) as a subprocess for its peak memory. Runs per cell: \(runs) up to 4×, 3 at 16×, 1 at 64×.\n")
    var table = Table("k", "nodes", "grants", "rules", "lko check wall (s)", "check in process (s)", "lko check peak (MiB)", "diff 1 % (s)", "diff peak (MiB)", "decide (ns)", "route (ns/msg)", "load before → after")
    var byScale: [Int: (check: Double, diff: Double, checkPeak: Double, diffPeak: Double)] = [:]
    for k in scales {
        let shape = RegionShape().scaled(k)
        log("growth: \(k)× (\(shape))")
        let loadBefore = loadLine()
        let folder = try writePolicy(shape)
        let variantFolder = try writePolicy(shape, variant: true)
        let growthRuns = k >= 64 ? 1 : k >= 16 ? min(3, runs) : runs
        var wall: [Double] = []
        var peak = Double.nan, diffPeak = Double.nan
        if FileManager.default.isExecutableFile(atPath: lkoBinary) {
            for _ in 0..<growthRuns { wall.append(runChild(lkoBinary, ["check", folder, "--at", "2026-03-02"]).seconds) }
            peak = childPeakMiB(lkoBinary, ["check", folder, "--at", "2026-03-02"])
        }
        diffPeak = childPeakMiB(binDir + "/lko-bench", ["diff-child", folder, variantFolder])
        var compilation: Compilation!
        let check = try measure(runs: growthRuns) { compilation = try checkAndCompile(folder, lint: true) }
        guard let policy = compilation.policy else { log("\(k)×: errors"); continue }
        let (variant, _) = try compiled(variantFolder)
        var diffSamples: [Double] = []
        for _ in 0..<growthRuns { diffSamples.append(try timeDiff(compilation, variant, runs: 1).seconds) }
        let decide = timeDecisions(policy, makeRequests(policy, count: 1_000_000), runs: min(3, growthRuns))
        let messages = makeMessages(shape, count: 200_000)
        let route = timeRouting(policy, messages, runs: min(3, growthRuns))
        compilation = nil
        let wallText = wall.isEmpty ? "n/a" : fmt(median(wall)) + (wall.count > 1 ? " (\(fmt(wall.min()!))–\(fmt(wall.max()!)))" : "")
        let diffText = fmt(median(diffSamples)) + (diffSamples.count > 1 ? " (\(fmt(diffSamples.min()!))–\(fmt(diffSamples.max()!)))" : "")
        table.add("\(k)×", grouped(Double(shape.nodes)), grouped(Double(policy.tables.grants.count)), grouped(Double(shape.autoRules + shape.fastTracks)), wallText, fmt(check.median), fmt(peak, 1), diffText, fmt(diffPeak, 1), fmt(decide.ns, 1), fmt(route.seconds * 1e9 / 200_000, 1), "\(loadBefore) → \(loadLine())")
        log("growth \(k)×: " + table.rows.last!.joined(separator: " | "))
        byScale[k] = (wall.isEmpty ? check.median : median(wall), median(diffSamples), peak, diffPeak)
    }
    print(table.render())
    print("")
    if let one = byScale[1], let sixteen = byScale[16] {
        let checkLimit = min(1.3 * 16 * one.check, 10), diffLimit = min(1.3 * 16 * one.diff, 10)
        summary.add("lko check at 16× (growth)", "\(fmt(sixteen.check)) s (16 × 1× = \(fmt(16 * one.check)) s), peak \(fmt(sixteen.checkPeak, 1)) MiB", "≤ \(fmt(checkLimit)) s, ≤ 1 GB", sixteen.check <= checkLimit && sixteen.checkPeak * 1.048576 <= 1000 ? "met" : "MISSED")
        summary.add("diff at 16× (growth)", "\(fmt(sixteen.diff)) s (16 × 1× = \(fmt(16 * one.diff)) s), peak \(fmt(sixteen.diffPeak, 1)) MiB", "≤ \(fmt(diffLimit)) s, ≤ 1 GB", sixteen.diff <= diffLimit && sixteen.diffPeak * 1.048576 <= 1000 ? "met" : "MISSED")
    }
}

print("## summary\n")
print(summary.render())
print("")
print("machine at the end: \(machineLine())")
