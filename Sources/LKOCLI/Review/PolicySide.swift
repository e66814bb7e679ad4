import Foundation
import LKOLanguage

/// One side of `lko diff`: a folder, a file, or a git revision of the current repository.
enum PolicySide {
    /// Loads `reference`: an existing path first; otherwise a git revision, reading
    /// `policyDirectory` (relative to the repository root) at that revision.
    static func load(_ reference: String, policyDirectory: String) throws -> (label: String, sources: SourceSet) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            // A folder holding the policy folder (`.`, a checkout) means that policy folder, not
            // every .lko file below it (test fixtures, other checkouts…).
            let inner = (reference as NSString).appendingPathComponent(policyDirectory)
            var innerIsDirectory: ObjCBool = false
            if isDirectory.boolValue, FileManager.default.fileExists(atPath: inner, isDirectory: &innerIsDirectory), innerIsDirectory.boolValue {
                return (inner, try PolicyLoading(path: inner).load())
            }
            return (reference, try PolicyLoading(path: reference).load())
        }
        guard let root = try? git(["rev-parse", "--show-toplevel"], in: nil).trimmingCharacters(in: .whitespacesAndNewlines), !root.isEmpty else {
            throw CommandFailure(message: "`\(reference)` is neither a file, a folder nor a git revision (not inside a git repository)", exitCode: .usage)
        }
        guard (try? git(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], in: root)) != nil else {
            throw CommandFailure(message: "`\(reference)` is neither a file, a folder nor a git revision of \(root)", exitCode: .usage)
        }
        let directory = policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
        let listing = try git(["ls-tree", "-r", "--name-only", "--full-tree", reference, "--", directory], in: root)
        let paths = listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix("." + PolicyLoader.fileExtension) }
        guard !paths.isEmpty else {
            throw CommandFailure(message: "revision \(reference) has no .\(PolicyLoader.fileExtension) files under \(directory)/")
        }
        var files: [SourceFile] = []
        for path in paths {
            let data = try gitData(["show", "\(reference):\(path)"], in: root)
            files.append(SourceFile(path: "\(reference):\(path)", bytes: [UInt8](data)))
        }
        return ("\(reference):\(directory)", SourceSet(files: files))
    }

    static func git(_ arguments: [String], in directory: String?) throws -> String {
        String(decoding: try gitData(arguments, in: directory), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in directory: String?) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CommandFailure(message: "cannot run git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure(message: "git \(arguments.joined(separator: " ")) failed")
        }
        return data
    }
}
