import Foundation
import Testing
@testable import Torch

/// Loads `Golden/<name>` (made by scripts/golden/*.py from real PyTorch / Python) as a JSON object.
func loadGolden(_ name: String) throws -> [String: Any] {
    guard let url = Bundle.module.url(forResource: "Golden/" + name, withExtension: nil)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden") else {
        throw TorchError.runtime("missing golden file \(name)")
    }
    let data = try Data(contentsOf: url)
    guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw TorchError.runtime("bad golden file \(name)")
    }
    return obj
}

func doubleFromHex(_ hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16)!) }

func dtypeNamed(_ name: String) -> DType { DType(rawValue: name)! }

/// A line-by-line diff of two multi-line strings, marking the first differing line.
func readableDiff(expected: String, got: String) -> String {
    let e = expected.components(separatedBy: "\n"), g = got.components(separatedBy: "\n")
    var out = ""
    for i in 0..<max(e.count, g.count) {
        let a = i < e.count ? e[i] : "<missing>", b = i < g.count ? g[i] : "<missing>"
        if a == b { out += "   \(a)\n" } else { out += "-  \(a)\n+  \(b)\n" }
    }
    return out
}

/// A tensor of `shape` and `dtype` holding `values` (row-major) taken from a golden file.
func goldenTensor(dtype: DType, shape: [Int], values: [Any]) throws -> Tensor {
    let t = try Tensor.zeros(shape, dtype: dtype)
    for (i, v) in values.enumerated() {
        if let hex = v as? String, dtype.isFloatingPoint {
            t.setFlat(i, doubleFromHex(hex))
        } else if let s = v as? String {
            t.setFlatInt(i, Int64(s)!)
        } else if let n = v as? NSNumber {
            t.setFlatInt(i, n.int64Value)
        }
    }
    return t
}

/// The 2-d transpose as a strided view (what `t.t()` gives).
func transposedView(_ t: Tensor) throws -> Tensor {
    try t.makeView(shape: t.shape.reversed(), strides: t.strides.reversed(), offset: t.offset)
}
