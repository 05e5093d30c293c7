import Foundation

/// Buffered standard output (flushed before errors and at exit, so the two streams interleave right).
enum Output {
    nonisolated(unsafe) static var buffer = [UInt8]()

    static func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            var done = 0
            while done < p.count {
                let n = Foundation.write(STDOUT_FILENO, p.baseAddress! + done, p.count - done)
                if n <= 0 { break }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeError(_ s: String) {
        flush()
        FileHandle.standardError.write(Data(s.utf8))
    }
}
