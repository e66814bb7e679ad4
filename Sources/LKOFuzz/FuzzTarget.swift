// The libFuzzer entry point for the policy language. Built only when `LKO_FUZZ=1` is set (see
// `Package.swift` and `Fuzz/README.md`); normal builds and `swift test` never see this target.
//
// Each input is checked against ``PolicyInvariants`` (in LKOCompiler, shared with the regression
// tests in `Tests/LKOCompilerTests/FuzzRegressionTests.swift`); a broken invariant traps, which
// libFuzzer reports as a crash.
import LKOCompiler

@_cdecl("LLVMFuzzerTestOneInput")
public func lkoFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    if let problem = PolicyInvariants.problems(bytes).first {
        fatalError("fuzz invariant broken: \(problem)")
    }
    return 0
}
