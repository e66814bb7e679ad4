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

    @Option(help: ArgumentHelp(L(.optTestAt), valueName: "date"))
    var at: CalendarDate?

    @OptionGroup var output: OutputOptions

    @Flag(name: .shortAndLong, help: ArgumentHelp(L(.flagTestVerbose)))
    var verbose = false

    func run() throws {
        let format = try output.resolve([.text, .json])
        let (compilation, _) = try PolicyLoading(path: policy.path, lint: false).compileOrFail()
        let report = PolicyTestRunner.run(compilation, today: at ?? Today.date())
        let language = Language.current
        if format == .json {
            // The same document in every language: `detail` is the Russian text, as the API gives it.
            try Terminal.document(TestJSON(passed: report.passed, failed: report.failed, results: report.results.map {
                TestJSON.Result(test: $0.test, expectation: $0.expectation, position: $0.position, passed: $0.passed, detail: $0.detail)
            }))
        } else {
            for result in report.results where !result.passed || verbose {
                Terminal.out("\(L(result.passed ? .testPass : .testFail)) \(result.position)  \(result.test)")
                Terminal.out("     \(result.expectation)")
                if !result.passed {
                    // The first line after `got:`, the rest of the explanation aligned under it.
                    let indent = String(repeating: " ", count: L(.testGot, ["detail": ""]).count)
                    for (index, line) in result.detail(in: language).split(separator: "\n").enumerated() {
                        Terminal.out("     " + (index == 0 ? L(.testGot, ["detail": String(line)]) : indent + line))
                    }
                }
            }
            let tests = Set(report.results.map(\.test)).count
            Terminal.out(L(.testSummary, ["passed": "\(report.passed)", "failed": "\(report.failed)",
                                          "expectations": Messages.count(report.results.count, .expectation, in: language), "tests": Self.testsCounted(tests, in: language)]))
        }
        if report.failed > 0 { throw ExitCode.failure }
    }

    /// "in 9 tests": Russian puts the noun after «в» in the prepositional case (в 1 тесте, в 9 тестах).
    static func testsCounted(_ count: Int, in language: Language) -> String {
        guard language == .ru else { return Messages.count(count, .test, in: language) }
        let singular = count % 10 == 1 && count % 100 != 11
        return "\(count) " + (singular ? "тесте" : "тестах")
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
