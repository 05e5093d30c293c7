// Target "checkpoint": raw bytes as a file given to torch.load (zip container → pickle → tensors),
// the path a checkpoint from anywhere takes. Every input must end in a value or a Python error.
import Foundation
import Shell

nonisolated(unsafe) private let checkpointPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("nnsh-fuzz-checkpoint-\(getpid()).pt").path

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard FileManager.default.createFile(atPath: checkpointPath, contents: Data(bytes: data, count: size)) else { return 0 }
    let session = makeFuzzSession()
    _ = session.run("import torch\nx = torch.load(\(pythonStringRepr(checkpointPath)))\nprint(type(x))\nrepr(x)\n")
    Interpreter.interruptRequested = false
    return 0
}
