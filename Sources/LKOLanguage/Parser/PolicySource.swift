import Foundation
import LKOMessages

/// The parsed form of a whole policy: every file of a folder read together.
public struct ParsedPolicy: Sendable {
    public var sources: SourceSet
    public var files: [PolicyFile]
    public var diagnostics: [Diagnostic]

    /// Parses every file of `sources`, several at once: files are independent, and a region's
    /// policy is tens of megabytes in a handful of files (docs/benchmarks.md). The result is the
    /// same as parsing them one after the other, in the folder's order.
    public init(sources: SourceSet) {
        self.sources = sources
        let inputs = sources.files
        let results = ParseResults(count: inputs.count)
        if inputs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                results.store(Parser.parse(inputs[index], fileIndex: index), at: index)
            }
        } else {
            for (index, file) in inputs.enumerated() { results.store(Parser.parse(file, fileIndex: index), at: index) }
        }
        var files: [PolicyFile] = []
        var diagnostics: [Diagnostic] = []
        for case let (parsed, found)? in results.slots {
            files.append(parsed)
            diagnostics += found
        }
        self.files = files
        self.diagnostics = diagnostics
    }

    public var declarations: [Declaration] { files.flatMap(\.declarations) }
}

/// One slot per file, each written by exactly one iteration of `concurrentPerform` (under the
/// lock) and read after it returns.
private final class ParseResults: @unchecked Sendable {
    private(set) var slots: [(file: PolicyFile, diagnostics: [Diagnostic])?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: (file: PolicyFile, diagnostics: [Diagnostic]), at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }
}

/// Reads policy files from disk.
public enum PolicyLoader {
    /// The file extension of policy files.
    public static let fileExtension = "lko"
    /// Files larger than this are refused before reading, so a stray dump cannot exhaust memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    public enum LoadError: Error, CustomStringConvertible {
        case notFound(String)
        case noPolicyFiles(String)
        case unreadable(String, Message)
        case tooLarge(String, Int)

        /// In both languages.
        public var message: Message {
            switch self {
            case .notFound(let path): Message(.diagLoadNotFound, ["path": .text(path)])
            case .noPolicyFiles(let path): Message(.diagLoadNoFiles, ["path": .text(path), "extension": .text(PolicyLoader.fileExtension)])
            case .unreadable(let path, let reason): Message(.diagLoadUnreadable, ["path": .text(path), "reason": .message(reason)])
            case .tooLarge(let path, let size):
                Message(.diagLoadTooLarge, ["path": .text(path), "size": .text("\(size)"), "limit": .text("\(PolicyLoader.maximumFileSize / 1024 / 1024)")])
            }
        }

        /// What the command line prints: in the language of the process (Russian unless
        /// `LKO_LANG=en`).
        public var description: String { message.render(.current) }
    }

    /// Loads a folder (every `*.lko` file in it and below it, sorted by path) or a single file.
    public static func load(path: String) throws -> SourceSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError.notFound(path)
        }
        var paths: [String] = []
        if isDirectory.boolValue {
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw LoadError.unreadable(path, Message(.diagLoadCannotList))
            }
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix("." + fileExtension) { paths.append(base + "/" + relative) }
            }
            guard !paths.isEmpty else { throw LoadError.noPolicyFiles(path) }
        } else {
            paths = [path]
        }
        var files: [SourceFile] = []
        for filePath in paths.sorted() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: filePath)
            if let size = attributes?[.size] as? Int, size > maximumFileSize {
                throw LoadError.tooLarge(filePath, size)
            }
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw LoadError.unreadable(filePath, Message(.diagLoadNotRegularFile))
            }
            files.append(SourceFile(path: filePath, bytes: [UInt8](data)))
        }
        return SourceSet(files: files)
    }
}
