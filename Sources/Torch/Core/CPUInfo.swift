import Foundation
import Kernels

/// The machine the kernels run on, as benchmark tables and `nnsh --version` report it.
public enum CPUInfo {
    /// The vector path PyTorch's DispatchStub would take here, which nnsh's kernels follow:
    /// "AVX512", "AVX2" or "DEFAULT" (`torch.backends.cpu.get_cpu_capability()`).
    public static var capability: String { kernelCapability.rawValue }

    /// `model name` from /proc/cpuinfo ("unknown CPU" elsewhere).
    public static let model: String = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }()

    /// "AMD EPYC, 2 cores, AVX512": one line for headers.
    public static var summary: String {
        "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(capability)"
    }
}
