import Foundation
import Testing
@testable import Torch

/// The inputs of sum_golden.json, regenerated: counter-based splitmix64, as in make_sum_golden.py.
func goldenSumValues(seed: Int, count: Int, dtype: DType, spread: Int) -> [Double] {
    var out = [Double](repeating: 0, count: count)
    let base = UInt64(seed) &* 0x1_0000_0001
    for i in 0..<count {
        var z = base &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let bits = dtype == .float32 ? 24 : 53
        let m = dtype == .float32 ? z >> 40 : z >> 11
        let e = Int((z & 31) % UInt64(spread)) - spread / 2
        let v = Double(sign: (z >> 5) & 1 == 1 ? .minus : .plus, exponent: e - bits, significand: Double(m))
        out[i] = v
    }
    return out
}

@Suite struct SumTests {
    struct Case {
        let seed: Int, dtype: DType, spread: Int, shape: [Int], perm: [Int]?, dims: [Int]?, keepdim: Bool
        let op: String, outShape: [Int], bits: String
    }

    static func cases() throws -> [Case] {
        let g = try loadGolden("sum_golden.json")
        return (g["cases"] as! [[String: Any]]).map { c in
            Case(seed: c["seed"] as! Int, dtype: dtypeNamed(c["dtype"] as! String), spread: c["spread"] as! Int,
                 shape: c["shape"] as! [Int], perm: c["perm"] as? [Int], dims: c["dims"] as? [Int],
                 keepdim: c["keepdim"] as! Bool, op: c["op"] as! String, outShape: c["out_shape"] as! [Int],
                 bits: c["bits"] as! String)
        }
    }

    static func hexBits(_ t: Tensor) -> String {
        let c = t.isContiguous ? t : try! t.contiguous()
        var s = ""
        s.reserveCapacity(c.numel * 16)
        if c.dtype == .float32 {
            let p = c.storage.pointer(Float.self) + c.offset
            for i in 0..<c.numel { let h = String(p[i].bitPattern, radix: 16); s += String(repeating: "0", count: 8 - h.count) + h }
        } else {
            let p = c.storage.pointer(Double.self) + c.offset
            for i in 0..<c.numel { let h = String(p[i].bitPattern, radix: 16); s += String(repeating: "0", count: 16 - h.count) + h }
        }
        return s
    }

    /// Every golden case, bit for bit (float32 and float64; full, per-dim, multi-dim, keepdim,
    /// permuted views; sum and mean; up to 4M elements).
    @Test func goldenSumsAreBitExact() throws {
        let all = try Self.cases()
        #expect(all.count > 1000)
        var inputs: [String: Tensor] = [:]
        var failed: [String] = []
        var outputs = 0
        for c in all {
            let key = "\(c.seed)/\(c.dtype)/\(c.spread)/\(c.shape)"
            let x: Tensor
            if let t = inputs[key] { x = t } else {
                let n = c.shape.reduce(1, *)
                let t = try Tensor.zeros(c.shape, dtype: c.dtype)
                let vals = goldenSumValues(seed: c.seed, count: n, dtype: c.dtype, spread: c.spread)
                if c.dtype == .float32 {
                    let p = t.storage.pointer(Float.self)
                    for i in 0..<n { p[i] = Float(vals[i]) }
                } else {
                    let p = t.storage.pointer(Double.self)
                    for i in 0..<n { p[i] = vals[i] }
                }
                if n < 100_000 { inputs[key] = t }
                x = t
            }
            let v = try c.perm.map { try x.permute($0) } ?? x
            let r: Tensor
            if let dims = c.dims {
                r = c.op == "sum" ? try v.sum(dims: dims, keepdim: c.keepdim) : try v.mean(dims: dims, keepdim: c.keepdim)
            } else {
                r = c.op == "sum" ? try v.sum() : try v.mean()
            }
            outputs += r.numel
            if r.shape != c.outShape || Self.hexBits(r) != c.bits {
                failed.append("\(c.op) seed \(c.seed) \(c.dtype) shape \(c.shape) perm \(c.perm ?? []) dims \(c.dims ?? []) keepdim \(c.keepdim)")
            }
        }
        #expect(failed.isEmpty, "\(failed.count) of \(all.count) cases differ: \(failed.prefix(20).joined(separator: "\n"))")
        print("sum golden: \(all.count - failed.count)/\(all.count) cases bit-exact (\(outputs) outputs)")
    }

    @Test func tenTenthsAddUpLikePyTorch() throws {
        let x = try Tensor.from([Float](repeating: 0.1, count: 10))
        #expect(try x.sum().flatDouble(0) == 1.0000001192092896)
    }
}
