import ArgumentParser
import Foundation

/// Writing to the terminal: stdout for results, stderr for diagnostics and progress.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ message: String) {
        err("error: " + message)
    }

    static func warning(_ message: String) {
        err("warning: " + message)
    }

    /// Colors only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var stderrUsesColor: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var stdoutUsesColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func json(_ value: some Encodable, pretty: Bool = true) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// A failure with a message for the user and the exit code that classifies it.
struct CommandFailure: Error {
    var message: String
    var exitCode: ExitCode = .failure
}

extension ExitCode {
    /// Wrong usage: an unknown flag, a bad value.
    static let usage = ExitCode(2)
    /// `lko explain`: the request is denied.
    static let denied = ExitCode(3)
}
