import Foundation
import Testing

/// The package root, from this file's place in the source tree.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let shippedPolicies = packageRoot.appending(path: "Policies").path

/// The `lko` binary built next to this test bundle (the products directory), falling back to
/// `.build/debug/lko` in the package.
let lkoBinary: String? = {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["LKO_BINARY"] { candidates.append(URL(fileURLWithPath: override)) }
    // The bundle of the test target sits in the products directory on Linux and macOS alike.
    for bundle in Bundle.allBundles {
        let url = bundle.bundleURL
        candidates.append(url.deletingLastPathComponent().appending(path: "lko"))
        candidates.append(url.appending(path: "lko"))
    }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appending(path: "lko"))
    candidates.append(packageRoot.appending(path: ".build/debug/lko"))
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) && !$0.hasSuffix(".xctest") }
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
}

/// Runs `lko` with arguments (and standard input), in `directory`.
func lko(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment extra: [String: String?] = [:],
         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
    let binary = try #require(lkoBinary, "the lko binary was not found; run `swift build` first", sourceLocation: sourceLocation)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    // The tests of the English texts; Russian ones pass LKO_LANG=ru.
    environment["LKO_LANG"] = "en"
    environment["COLUMNS"] = "200"
    for (name, value) in extra { environment[name] = value }
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    // Read both pipes concurrently so a large output cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
}

/// A fresh temporary folder, removed by the caller with `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "lko-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// A copy of the shipped policy in a temporary folder.
func copyOfShippedPolicy() throws -> URL {
    let folder = try temporaryFolder()
    let target = folder.appending(path: "Policies")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: shippedPolicies), to: target)
    return target
}
