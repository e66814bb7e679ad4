import Foundation

/// `lko --version`: the release and the git commit it was built from.
///
/// The commit is read at run time, only when asked, from the git repository the binary was
/// built in (the binary's folder or one of its parents holds `Package.swift` of this package
/// and a `.git`): `git rev-parse --short HEAD`, with `-dirty` when the working tree has
/// changes. A binary copied elsewhere (or without git on the machine) says `unknown`. No
/// generated file, nothing to refresh before a build.
public enum LKOVersion {
    public static let current = "0.1.0"

    /// `0.1.0 (commit 30509ea)`.
    static var full: String { "\(current) (commit \(commit()))" }

    static func commit(executable: String = executablePath()) -> String {
        guard let repository = repository(containing: executable) else { return "unknown" }
        guard let head = git(["rev-parse", "--short", "HEAD"], in: repository), !head.isEmpty else { return "unknown" }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"], in: repository).map { !$0.isEmpty } ?? false
        return head + (dirty ? "-dirty" : "")
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
    }

    /// The nearest parent folder of `path` that is this package's git checkout.
    static func repository(containing path: String) -> URL? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for _ in 0..<8 {
            let manifest = folder.appending(path: "Package.swift")
            if FileManager.default.fileExists(atPath: folder.appending(path: ".git").path),
               let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"lko\"") {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
