// Shared by both fuzz targets: one fresh Session per input, output discarded, a step budget
// and a small tensor-memory cap so slow or huge inputs end as Python errors, not time-outs.
import Shell
import Torch
#if canImport(Glibc)
import Glibc
#endif

enum FuzzLimits {
    /// Safe points (statements, loop iterations, calls) per input.
    static let steps = 1000
    /// Bytes any one tensor (or Python list, range, string repetition) may take.
    /// `NNSH_FUZZ_MEMORY` overrides it: the long campaigns use a smaller cap, since most of a
    /// big input's time goes to the sanitizer mapping and unmapping large buffers.
    static let memory = getenv("NNSH_FUZZ_MEMORY").flatMap { Int(String(cString: $0)) } ?? 4 << 20
}

func fuzzInitialize() {
    MemoryLimit.bytes = FuzzLimits.memory
}

func makeFuzzSession() -> Session {
    let s = Session(file: "<fuzz>", write: { _ in }, writeError: { _ in })
    s.interpreter.stepBudget = FuzzLimits.steps
    s.interpreter.allowsFileChanges = false
    // Every function a mutated input defines goes through the compile step, not only the ones it
    // happens to call twice.
    s.interpreter.compilesFunctionsAtFirstCall = true
    return s
}

@_cdecl("LLVMFuzzerInitialize")
public func LLVMFuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    fuzzInitialize()
    return 0
}
