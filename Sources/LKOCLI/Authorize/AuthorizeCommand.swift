import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage

struct AuthorizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize",
        abstract: L(.optAuthorizeAbstract),
        discussion: L(.optAuthorizeDiscussion)
    )

    @Option(help: ArgumentHelp(L(.optAuthorizePolicy), valueName: "dir"))
    var policy: String?

    @Option(help: ArgumentHelp(L(.optAuthorizeBundle), valueName: "file"))
    var bundle: String?

    @Option(help: ArgumentHelp(L(.optAuthorizeRequests), valueName: "file"))
    var requests: String

    @Option(help: ArgumentHelp(L(.optAuthorizeAt), valueName: "date"))
    var at: CalendarDate?

    func run() throws {
        let decisions: DecisionBundle
        if let bundle {
            let bytes = try AuthorizeCommand.readWhole(bundle)
            // Only a policy named on the command line is checked against (not the default folder).
            let digest = try policy.map { try DecisionBundle.sourceDigest(PolicyLoading(path: $0).load()) }
            do {
                decisions = try bytes.withUnsafeBytes { try DecisionBundle(bytes: $0, policyDigest: digest) }
            } catch let error as DecisionBundle.BundleError {
                throw CommandFailure(message: "\(bundle): \(error)")
            }
        } else {
            // Decisions never read the version hash, and computing it is half of compiling.
            let (_, compiled) = try PolicyLoading(path: policy ?? "Policies", lint: false, version: false).compileOrFail()
            decisions = DecisionBundle(policy: compiled, sourceDigest: [])
        }
        let date = at ?? Today.date(in: decisions.timeZone)
        var decider = BatchDecider(policy: decisions, date: date, inputName: requests == "-" ? "<stdin>" : requests)
        let badLines: Int
        if requests == "-" {
            badLines = decider.run(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            // Opened like a FileHandle, so devices and pipes (/dev/stdin, /dev/null) are read too;
            // a regular file is mapped rather than copied into memory.
            let descriptor = open(requests, O_RDONLY)
            guard descriptor >= 0 else {
                throw CommandFailure(message: "cannot read \(requests): no such file or not readable")
            }
            var status = stat()
            let statusRead = fstat(descriptor, &status) == 0
            if statusRead, status.st_mode & S_IFMT == S_IFDIR {
                // FileHandle.readDataToEndOfFile would trap on a folder.
                close(descriptor)
                throw CommandFailure(message: "cannot read \(requests): it is a folder")
            }
            if statusRead, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
               let mapped = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
               mapped != MAP_FAILED {
                close(descriptor)
                badLines = decider.run(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size)))
                munmap(mapped, Int(status.st_size))
            } else {
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                badLines = decider.run(handle.readDataToEndOfFile())
            }
        }
        if badLines > 0 {
            Terminal.err(L(.authorizeUndecided, ["count": "\(badLines)"]))
            throw ExitCode.failure
        }
    }

    /// A whole regular file in one `read` (its size from `fstat`), or a clear failure.
    static func readWhole(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CommandFailure(message: "cannot read \(path): no such file or not readable") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CommandFailure(message: "cannot read \(path): not a regular file")
        }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, size - done) }
            guard got > 0 else { break }
            done += got
        }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }
}

/// The policy's lookup keys as byte tables, built once per run so that a request is decided
/// from the bytes of its line. Only ASCII keys are in the tables: an ASCII request value equals a
/// key as text exactly when their bytes are equal. A policy that also has non-ASCII keys (which
/// could equal an ASCII value as text, e.g. a Kelvin sign) is asked by `String` on a miss, and a
/// request with a non-ASCII or escaped value takes the `String` path altogether.
struct RequestLookup {
    let logins: ByteTable
    let allLoginsASCII: Bool
    let nodes: ByteTable
    /// `category.subcategory` → node, for the pairs of ``CompiledPolicy/nodeIndex(category:subcategory:)``.
    let children: ByteTable
    let allNodesASCII: Bool
    /// Action name → index in `actionBits`.
    let actions: ByteTable
    let actionBits: [UInt16]

    init(policy: DecisionBundle) {
        func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }
        let keys = policy.lookupKeys
        logins = ByteTable(keys.logins.filter { isASCII($0.0) }.map { (Array($0.0.utf8), $0.1) })
        allLoginsASCII = keys.logins.allSatisfy { isASCII($0.0) }
        nodes = ByteTable(keys.nodes.filter { isASCII($0.0) }.map { (Array($0.0.utf8), Int32($0.1)) })
        children = ByteTable(keys.children.filter { isASCII($0.0) && isASCII($0.1) }.map {
            (Array(($0.0 + "." + $0.1).utf8), Int32($0.2))
        })
        allNodesASCII = keys.nodes.allSatisfy { isASCII($0.0) } && keys.children.allSatisfy { isASCII($0.0) && isASCII($0.1) }
        actions = ByteTable(Action.allCases.enumerated().map { (Array($0.element.rawValue.utf8), Int32($0.offset)) })
        actionBits = Action.allCases.map(\.bit)
    }
}

/// Decides every line of a buffer and writes answers in large chunks.
struct BatchDecider {
    let policy: DecisionBundle
    let date: CalendarDate
    let day: Int32
    let inputName: String
    let lookup: RequestLookup
    var output: [UInt8] = []
    static let flushSize = 1 << 16

    init(policy: DecisionBundle, date: CalendarDate, inputName: String) {
        self.policy = policy
        self.date = date
        self.day = date.dayNumber
        self.inputName = inputName
        self.lookup = RequestLookup(policy: policy)
        output.reserveCapacity(BatchDecider.flushSize * 2)
    }

    /// Returns the number of bad lines.
    mutating func run(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in run(raw.bindMemory(to: UInt8.self)) }
    }

    /// Returns the number of bad lines.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lineStart = 0
        var lineNumber = 0
        var bad = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        while lineStart < count {
            let lineEnd: Int
            if let newline = memchr(base + lineStart, 0x0A, count - lineStart) {
                lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = count
            }
            lineNumber += 1
            if !RequestScanner.isBlank(bytes, lineStart, lineEnd) {
                if let error = decide(bytes, lineStart, lineEnd) {
                    bad += 1
                    Terminal.err("\(inputName):\(lineNumber): \(error)")
                    append(text: "{\"line\":\(lineNumber),\"error\":")
                    appendJSONString(error)
                    append("}\n")
                }
            }
            if output.count >= BatchDecider.flushSize { flush() }
            lineStart = lineEnd + 1
        }
        flush()
        return bad
    }

    /// Decides one line; returns an error message instead when the line is bad.
    private mutating func decide(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var scanner = RequestScanner(bytes: bytes, start: start, end: end)
        let request: RequestScanner.Request
        do {
            request = try scanner.scan()
        } catch {
            return error.message
        }
        guard request.user.isPresent else { return "missing \"user\"" }
        guard request.action.isPresent else { return "missing \"action\"" }
        let allowed: Bool
        if request.user.kind == .ascii, request.action.kind == .ascii, request.category.isASCIIOrMissing,
           request.subcategory.isASCIIOrMissing, request.assignee.isASCIIOrMissing {
            switch decideASCII(request, bytes) {
            case .success(let answer): allowed = answer
            case .failure(let error): return error.message
            }
        } else {
            switch decideText(request, bytes) {
            case .success(let answer): allowed = answer
            case .failure(let error): return error.message
            }
        }
        append("{\"case_id\":")
        if request.caseIDEnd > request.caseIDStart {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[request.caseIDStart..<request.caseIDEnd]))
        } else {
            append("null")
        }
        if allowed { append(",\"decision\":\"allow\"}\n") } else { append(",\"decision\":\"deny\"}\n") }
        return nil
    }

    private func slice(_ value: RequestScanner.Value, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[value.start..<value.end])
    }

    /// The common path: every value that matters is ASCII without escapes, so it is looked up by
    /// its bytes. Gives the same answers and messages as ``decideText(_:_:)``.
    private func decideASCII(_ request: RequestScanner.Request, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<Bool, RequestScanner.ScanError> {
        let user = slice(request.user, bytes)
        guard let actionIndex = lookup.actions.find(slice(request.action, bytes)) else {
            return .failure(.init(message: "unknown action \"\(RequestScanner.string(request.action, in: bytes) ?? "")\""))
        }
        var node: Int32 = -1
        let hasCategory = request.category.isPresent
        let hasSubcategory = request.subcategory.isPresent
        if hasCategory || hasSubcategory {
            let found: Int32?
            if lookup.allNodesASCII {
                let category = slice(request.category, bytes)
                let subcategory = slice(request.subcategory, bytes)
                if hasSubcategory {
                    if hasCategory, let id = lookup.children.find(category, joinedBy: UInt8(ascii: "."), subcategory) {
                        found = id
                    } else if hasCategory, !(subcategory.count > category.count
                        && (category.isEmpty || memcmp(subcategory.baseAddress!, category.baseAddress!, category.count) == 0)
                        && subcategory[category.count] == UInt8(ascii: ".")) {
                        found = nil
                    } else {
                        found = lookup.nodes.find(subcategory)
                    }
                } else {
                    found = lookup.nodes.find(category)
                }
            } else {
                found = policy.nodeIndex(
                    category: RequestScanner.string(request.category, in: bytes),
                    subcategory: RequestScanner.string(request.subcategory, in: bytes)
                ).map(Int32.init)
            }
            guard let found else { return .failure(unknownNode(request, bytes)) }
            node = found
        }
        let login: Int32?
        if let id = lookup.logins.find(user) {
            login = id
        } else if lookup.allLoginsASCII {
            login = nil
        } else {
            login = policy.loginID(String(decoding: user, as: UTF8.self))
        }
        guard let login else { return .success(false) }
        var assigned = false
        if request.assignee.isPresent {
            let assignee = slice(request.assignee, bytes)
            assigned = assignee.count == user.count && (user.isEmpty || memcmp(assignee.baseAddress!, user.baseAddress!, user.count) == 0)
        }
        return .success(policy.decide(loginID: login, actionBit: lookup.actionBits[Int(actionIndex)], node: node, assigned: assigned, day: day))
    }

    /// The general path, for values with escapes or non-ASCII text: decoded into `String`s and
    /// compared as text.
    private func decideText(_ request: RequestScanner.Request, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<Bool, RequestScanner.ScanError> {
        let user = RequestScanner.string(request.user, in: bytes) ?? ""
        let actionName = RequestScanner.string(request.action, in: bytes) ?? ""
        guard let action = Action(name: actionName) else { return .failure(.init(message: "unknown action \"\(actionName)\"")) }
        let category = RequestScanner.string(request.category, in: bytes)
        let subcategory = RequestScanner.string(request.subcategory, in: bytes)
        var node: Int?
        if category != nil || subcategory != nil {
            guard let found = policy.nodeIndex(category: category, subcategory: subcategory) else {
                return .failure(unknownNode(request, bytes))
            }
            node = found
        }
        let assignee = RequestScanner.string(request.assignee, in: bytes)
        return .success(policy.decide(login: user, action: action, node: node, assignee: assignee, on: date))
    }

    private func unknownNode(_ request: RequestScanner.Request, _ bytes: UnsafeBufferPointer<UInt8>) -> RequestScanner.ScanError {
        let category = RequestScanner.string(request.category, in: bytes) ?? ""
        let subcategory = RequestScanner.string(request.subcategory, in: bytes) ?? ""
        return .init(message: "unknown category/subcategory \"\(category)\"/\"\(subcategory)\"")
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Named apart from `append(_: StaticString)`: a plain literal would otherwise pick this
    /// overload (String is the default literal type) and build a String on every answer.
    private mutating func append(text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func appendJSONString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0..<0x20: append(text: "\\u00" + (byte < 16 ? "0" : "") + String(byte, radix: 16))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func flush() {
        guard !output.isEmpty else { return }
        output.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        output.removeAll(keepingCapacity: true)
    }
}

/// `lko authorize --bundle FILE --requests FILE [--at DATE] [--policy DIR]`, run before the
/// argument parser builds the whole command tree (a few milliseconds of reflection, more than
/// loading a bundle). Only that exact shape is taken; anything else — another option, help, a
/// bundle that is refused, a date it cannot read — returns false without output, and the
/// ordinary path does it all again and reports whatever is wrong in the usual way.
public enum AuthorizeFastPath {
    /// Decides and exits when `arguments` (without the program name) are that shape.
    public static func runIfPossible(_ arguments: [String]) {
        // getenv rather than ProcessInfo: its environment dictionary alone was 4 % of the start.
        guard arguments.first == "authorize", getenv("LKO_SERVER") == nil else { return }
        var values: [String: String] = [:]
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument, value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard ["--bundle", "--requests", "--at", "--policy"].contains(name), values[name] == nil else { return }
            if value == nil {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else { return }
                value = arguments[index + 1]
                index += 1
            }
            values[name] = value
            index += 1
        }
        guard let bundlePath = values["--bundle"], let requests = values["--requests"], requests != "-" else { return }
        var date: CalendarDate?
        if let at = values["--at"] {
            guard let parsed = CalendarDate(iso: at) else { return }
            date = parsed
        }
        guard let bytes = try? AuthorizeCommand.readWhole(bundlePath) else { return }
        var digest: [UInt8]?
        if let policy = values["--policy"] {
            guard let sources = try? PolicyLoader.load(path: policy) else { return }
            digest = DecisionBundle.sourceDigest(sources)
        }
        guard let decisions = try? bytes.withUnsafeBytes({ try DecisionBundle(bytes: $0, policyDigest: digest) }) else { return }
        let descriptor = open(requests, O_RDONLY)
        guard descriptor >= 0 else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return
        }
        if status.st_size == 0 {
            // Nothing to decide (the bundle was still read and checked).
            close(descriptor)
            exit(0)
        }
        guard let mapped = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED else {
            close(descriptor)
            return
        }
        close(descriptor)
        var decider = BatchDecider(policy: decisions, date: date ?? Today.date(in: decisions.timeZone), inputName: requests)
        let badLines = decider.run(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size)))
        munmap(mapped, Int(status.st_size))
        if badLines > 0 {
            Terminal.err(L(.authorizeUndecided, ["count": "\(badLines)"]))
            exit(1)
        }
        exit(0)
    }
}
