import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler

struct AuthorizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize",
        abstract: "Decide a stream of requests (JSON Lines) against a policy.",
        discussion: """
        Each input line is {"user","action","case_id","category","subcategory","assignee"} \
        (assignee may be null; subcategory may be a bare id or a full path). Each output line is \
        {"case_id":…,"decision":"allow"|"deny"}, in input order, with the same answers as \
        `lko explain`. A line that cannot be read, or names an unknown action or node, gives \
        {"line":N,"error":"…"} in its place and a message on standard error; blank lines are \
        skipped.

          lko authorize --policy Policies --requests requests.jsonl > decisions.jsonl
          lko authorize --requests - < requests.jsonl

        Exit status: 0 all lines decided, 1 some lines were bad or the policy has errors, 2 wrong usage.
        """
    )

    @Option(help: ArgumentHelp("The policy folder.", valueName: "dir"))
    var policy: String = "Policies"

    @Option(help: ArgumentHelp("The requests file, or - for standard input.", valueName: "file"))
    var requests: String

    @Option(help: ArgumentHelp("The date of every decision (default: today).", valueName: "date"))
    var at: CalendarDate?

    func run() throws {
        // Decisions never read the version hash, and computing it is half of compiling.
        let (_, compiled) = try PolicyLoading(path: policy, lint: false, version: false).compileOrFail()
        let input: Data
        if requests == "-" {
            input = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            // A FileHandle reads devices and pipes too (/dev/stdin, /dev/null), not only files.
            guard let handle = FileHandle(forReadingAtPath: requests) else {
                throw CommandFailure(message: "cannot read \(requests): no such file or not readable")
            }
            input = handle.readDataToEndOfFile()
        }
        let date = at ?? Today.date(in: compiled.tables.organization.timeZone)
        var decider = BatchDecider(policy: compiled, date: date, inputName: requests == "-" ? "<stdin>" : requests)
        let badLines = input.withUnsafeBytes { raw in
            decider.run(raw.bindMemory(to: UInt8.self))
        }
        if badLines > 0 {
            Terminal.err("\(badLines) line(s) could not be decided")
            throw ExitCode.failure
        }
    }
}

/// Decides every line of a buffer and writes answers in large chunks.
struct BatchDecider {
    let policy: CompiledPolicy
    let date: CalendarDate
    let inputName: String
    var output: [UInt8] = []
    static let flushSize = 1 << 16

    init(policy: CompiledPolicy, date: CalendarDate, inputName: String) {
        self.policy = policy
        self.date = date
        self.inputName = inputName
        output.reserveCapacity(BatchDecider.flushSize * 2)
    }

    /// Returns the number of bad lines.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lineStart = 0
        var lineNumber = 0
        var bad = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            if !RequestScanner.isBlank(bytes, lineStart, lineEnd) {
                if let error = decide(bytes, lineStart, lineEnd) {
                    bad += 1
                    Terminal.err("\(inputName):\(lineNumber): \(error)")
                    append("{\"line\":\(lineNumber),\"error\":")
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
        guard let user = request.user else { return "missing \"user\"" }
        guard let actionName = request.action else { return "missing \"action\"" }
        guard let action = Action(name: actionName) else { return "unknown action \"\(actionName)\"" }
        var node: Int?
        if request.category != nil || request.subcategory != nil {
            guard let found = policy.nodeIndex(category: request.category, subcategory: request.subcategory) else {
                return "unknown category/subcategory \"\(request.category ?? "")\"/\"\(request.subcategory ?? "")\""
            }
            node = found
        }
        let allowed = policy.decide(login: user, action: action, node: node, assignee: request.assignee, on: date)
        append("{\"case_id\":")
        if let token = request.caseIDToken { output.append(contentsOf: token) } else { append("null") }
        append(allowed ? ",\"decision\":\"allow\"}\n" : ",\"decision\":\"deny\"}\n")
        return nil
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func appendJSONString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0..<0x20: append("\\u00" + (byte < 16 ? "0" : "") + String(byte, radix: 16))
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
