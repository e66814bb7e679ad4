import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the policy's own tests (`test` blocks).",
        discussion: """
        Every `expect allow|deny` is decided and every `expect route` is routed exactly as the \
        workflow would, so a passing test describes production behaviour. Expectations without \
        an `at` date (in the test or the case) use --at, or today.

        Exit status: 0 all passed, 1 a test failed or the policy has errors, 2 wrong usage.
        """
    )

    @OptionGroup var policy: PolicyArgument

    @Option(help: ArgumentHelp("The date for expectations that give none (default: today).", valueName: "date"))
    var at: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "List passing expectations too.")
    var verbose = false

    func run() throws {
        let (compilation, _) = try PolicyLoading(path: policy.path, lint: false).compileOrFail()
        let report = PolicyTestRunner.run(compilation, today: at ?? Today.date())
        if format == .json {
            try Terminal.json(TestJSON(passed: report.passed, failed: report.failed, results: report.results.map {
                TestJSON.Result(test: $0.test, expectation: $0.expectation, position: $0.position, passed: $0.passed, detail: $0.detail)
            }))
        } else {
            for result in report.results where !result.passed || verbose {
                Terminal.out("\(result.passed ? "PASS" : "FAIL") \(result.position)  \(result.test)")
                Terminal.out("     \(result.expectation)")
                if !result.passed {
                    for line in result.detail.split(separator: "\n") { Terminal.out("     got: \(line)") }
                }
            }
            let tests = Set(report.results.map(\.test)).count
            Terminal.out("\(report.passed) passed, \(report.failed) failed (\(report.results.count) expectations in \(tests) tests)")
        }
        if report.failed > 0 { throw ExitCode.failure }
    }
}

struct TestJSON: Encodable {
    struct Result: Encodable {
        var test: String
        var expectation: String
        var position: String
        var passed: Bool
        var detail: String
    }

    var passed: Int
    var failed: Int
    var results: [Result]
}
