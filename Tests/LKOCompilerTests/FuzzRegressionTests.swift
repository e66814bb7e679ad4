import Foundation
import LKOCompiler
import Testing

/// Runs the fuzz target's checks (``PolicyInvariants``, shared with `Sources/LKOFuzz`) on every
/// input kept in `Fixtures/fuzz-regressions/`: the hand-written seed snippets (`seed-*`) and every
/// input the fuzzer once crashed or hung on (`crash-*`, `timeout-*`), so a fixed bug stays fixed
/// in `swift test`.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz-regressions")

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("the regression folder is not empty")
    func folderHasInputs() {
        #expect(Self.inputs.contains { $0.hasPrefix("seed-") })
    }

    @Test("fuzz invariants hold", arguments: inputs)
    func invariantsHold(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let problems = PolicyInvariants.problems([UInt8](data))
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
    }
}
