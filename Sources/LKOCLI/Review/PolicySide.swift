import Foundation
import LKOLanguage
import LKOMessages

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
        // One git process per side: the policy folder at that revision as a tar stream.
        // `git archive` run in a subfolder archives only that subfolder of the tree, so it runs
        // at the repository root (found without another git process) wherever lko runs in it.
        let directory = policyDirectory.hasSuffix("/") ? String(policyDirectory.dropLast()) : policyDirectory
        let archive: Data
        do {
            archive = try gitData(["archive", "--format=tar", "\(reference):\(directory)"], in: repositoryRoot())
        } catch let failure as CommandFailure {
            // Only on failure: say which of "not a repository", "not a revision", "no such
            // folder" it was, with git's own words.
            guard let root = try? git(["rev-parse", "--show-toplevel"], in: nil).trimmingCharacters(in: .whitespacesAndNewlines), !root.isEmpty else {
                throw CommandFailure(message: L(.diffSideNoRepository, ["reference": reference]), exitCode: .usage)
            }
            guard (try? git(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], in: root)) != nil else {
                throw CommandFailure(message: L(.diffSideNotRevision, ["reference": reference, "root": root]), exitCode: .usage)
            }
            throw CommandFailure(message: L(.diffRevisionNoFolder, ["reference": reference, "directory": directory, "reason": failure.message]))
        }
        let entries: [(path: String, bytes: [UInt8])]
        do {
            entries = try TarReader.files(in: [UInt8](archive))
        } catch {
            throw CommandFailure(message: L(.diffArchiveUnreadable, ["reference": reference, "directory": directory, "reason": "\(error)"]))
        }
        let files = entries.filter { $0.path.hasSuffix("." + PolicyLoader.fileExtension) }.sorted { $0.path < $1.path }.map {
            SourceFile(path: "\(reference):\(directory)/\($0.path)", bytes: $0.bytes)
        }
        guard !files.isEmpty else {
            throw CommandFailure(message: L(.diffRevisionNoFiles, ["reference": reference, "extension": PolicyLoader.fileExtension, "directory": directory]))
        }
        return ("\(reference):\(directory)", SourceSet(files: files))
    }

    /// The nearest folder from the current one up that holds `.git` (a folder, or a file in a
    /// worktree or submodule); nil when there is none (git then says what is wrong).
    static func repositoryRoot() -> String? {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
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
            throw CommandFailure(message: L(.diffGitCannotRun, ["reason": error.localizedDescription]))
        }
        // stderr is drained on its own thread, so a chatty git never blocks on a full pipe.
        let errorText = ErrorCollector()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorText.wait()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandFailure(message: L(.diffGitFailed, ["arguments": arguments.joined(separator: " "), "said": said.isEmpty ? "" : ": \(said)"]))
        }
        return data
    }
}

/// The stderr of a git process, filled by a reader thread.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Reads the regular files of a tar stream (ustar, with pax `path` records), as `git archive`
/// writes it.
enum TarReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func files(in bytes: [UInt8]) throws -> [(path: String, bytes: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var offset = 0
        var paxPath: String?
        func text(_ start: Int, _ length: Int) -> String {
            let slice = bytes[(offset + start)..<(offset + start + length)]
            return String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
        }
        while offset + 512 <= bytes.count {
            if bytes[offset..<(offset + 512)].allSatisfy({ $0 == 0 }) { break }
            let sizeText = text(124, 12).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
            guard let size = Int(sizeText.isEmpty ? "0" : sizeText, radix: 8) else { throw Malformed(description: "bad size field at byte \(offset)") }
            let type = bytes[offset + 156]
            let name = text(0, 100)
            let prefix = text(345, 155)
            let dataStart = offset + 512
            guard dataStart + size <= bytes.count else { throw Malformed(description: "truncated entry \(name)") }
            let content = Array(bytes[dataStart..<(dataStart + size)])
            switch type {
            case UInt8(ascii: "x"):
                paxPath = paxRecords(content)["path"]
            case UInt8(ascii: "0"), 0:
                let path = paxPath ?? (prefix.isEmpty ? name : prefix + "/" + name)
                result.append((path, content))
                paxPath = nil
            default:
                paxPath = nil
            }
            offset = dataStart + (size + 511) / 512 * 512
        }
        return result
    }

    /// `LEN key=value\n` records.
    static func paxRecords(_ bytes: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")), let length = Int(String(decoding: bytes[index..<space], as: UTF8.self)), length > 0, index + length <= bytes.count else { break }
            let record = String(decoding: bytes[(space + 1)..<(index + length - 1)], as: UTF8.self)
            if let equals = record.firstIndex(of: "=") { records[String(record[..<equals])] = String(record[record.index(after: equals)...]) }
            index += length
        }
        return records
    }
}
