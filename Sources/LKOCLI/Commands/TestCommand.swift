import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOMessages

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: L(.helpTestAbstract),
        discussion: L(.helpTestDiscussion)
    )

    @OptionGroup var policy: PolicyArgument

    @Option(help: ArgumentHelp("The date for expectations that give none (default: today).", valueName: "date"))
    var at: CalendarDate?

    @OptionGroup var output: OutputOptions

    @Flag(name: .shortAndLong, help: "List passing expectations too.")
    var verbose = false

    func run() throws {
        let format = try output.resolve([.text, .json])
        let (compilation, _) = try PolicyLoading(path: policy.path, lint: false).compileOrFail()
        let report = PolicyTestRunner.run(compilation, today: at ?? Today.date())
        if format == .json {
            try Terminal.document(TestJSON(passed: report.passed, failed: report.failed, results: report.results.map {
                TestJSON.Result(test: $0.test, expectation: $0.expectation, position: $0.position, passed: $0.passed, detail: $0.detail)
            }))
        } else {
            for result in report.results where !result.passed || verbose {
                Terminal.out("\(L(result.passed ? .testPass : .testFail)) \(result.position)  \(result.test)")
                Terminal.out("     \(result.expectation)")
                if !result.passed {
                    for line in result.detail.split(separator: "\n") { Terminal.out("     " + L(.testGot, ["detail": String(line)])) }
                }
            }
            let tests = Set(report.results.map(\.test)).count
            let language = Language.current
            Terminal.out(L(.testSummary, ["passed": "\(report.passed)", "failed": "\(report.failed)",
                                          "expectations": Messages.count(report.results.count, .expectation, in: language), "tests": Messages.count(tests, .test, in: language)]))
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
