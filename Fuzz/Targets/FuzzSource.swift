// Target "source": raw bytes → Session.run, the same entry the shell uses
// (source text → tokens → AST → evaluation). Invalid UTF-8 is repaired as the nnsh binary does.
import Shell

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let session = makeFuzzSession()
    _ = session.run(source)
    Interpreter.interruptRequested = false
    return 0
}
