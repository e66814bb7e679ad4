import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic nanoseconds.
@inline(__always)
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = monotonicNanos()
    try body()
    return Double(monotonicNanos() - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs `body` `runs` times; returns the median and all samples (seconds).
func measure(runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, samples: [Double]) {
    var samples: [Double] = []
    for _ in 0..<runs { samples.append(try seconds(body)) }
    return (median(samples), samples)
}

/// VmHWM (peak resident set) and VmRSS of this process, in MiB, from /proc/self/status.
func memoryMiB() -> (peak: Double, current: Double) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (.nan, .nan) }
    func field(_ name: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0"
            return (Double(digits) ?? .nan) / 1024
        }
        return .nan
    }
    return (field("VmHWM:"), field("VmRSS:"))
}

/// Peak RSS (MiB) of one run of a program, through `/usr/bin/time -f %M`. Not wait4 on a child
/// we spawn ourselves: glibc's posix_spawn shares our address space until exec, and Linux
/// carries that high-water mark into the child's ru_maxrss, so it would report *our* peak.
func childPeakMiB(_ path: String, _ arguments: [String]) -> Double {
    let out = workRoot + "/time.out"
    _ = runChild("/usr/bin/time", ["-f", "%M", "-o", out, path] + arguments)
    guard let text = try? String(contentsOfFile: out, encoding: .utf8),
          let kib = Double(text.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") else { return .nan }
    return kib / 1024
}

/// Runs a program with stdout/stderr to /dev/null; returns wall seconds and exit status
/// (peakMiB: see childPeakMiB — it is not the child's own figure).
func runChild(_ path: String, _ arguments: [String]) -> (seconds: Double, status: Int32, peakMiB: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = monotonicNanos()
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard rc == 0 else { return (.nan, -1, .nan) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let elapsed = Double(monotonicNanos() - start) / 1e9
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    return (elapsed, exitStatus, Double(usage.ru_maxrss) / 1024)
}

/// A small fixed-width table printer (Markdown, so it can go straight into docs).
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        var out = [line(header), "| " + widths.map { String(repeating: "-", count: max(3, $0)) }.joined(separator: " | ") + " |"]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

func fmt(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

func grouped(_ value: Double) -> String {
    let n = Int(value.rounded())
    var s = String(n)
    var i = s.count - 3
    while i > 0 { s.insert(",", at: s.index(s.startIndex, offsetBy: i)); i -= 3 }
    return s
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
