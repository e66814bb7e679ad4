import LKOExportReader

// libFuzzer entry point for the ПОС export reader (xlsx: zip + XML; CSV). Built only with
// LKO_FUZZ=1; see Fuzz/README.md, "The export reader".
@_cdecl("LLVMFuzzerTestOneInput")
public func lkoExportFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    if let problem = ExportReaderInvariants.problems(bytes).first {
        fatalError("fuzz invariant broken: \(problem)")
    }
    return 0
}
