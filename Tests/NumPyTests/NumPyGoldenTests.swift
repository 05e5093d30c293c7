import Foundation
import Testing
import Torch
@testable import NumPy

/// The NumPy module against real numpy (numpy_golden.json, from scripts/golden/make_numpy_golden.py).
@Suite struct NumPyGoldenTests {
    static let golden: [String: Any] = {
        let url = Bundle.module.url(forResource: "numpy_golden", withExtension: "json", subdirectory: "Golden")!
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }()

    /// x[i] = ((i * 7919 + seed) % 2001 - 1000) / div in `dtype` (integers: not divided).
    static func values(_ n: Int, seed: Int, div: Double, dtype: DType) throws -> Tensor {
        let ints = (0..<n).map { Int64(((($0 * 7919) + seed) % 2001) - 1000) }
        switch dtype {
        case .float32: return try Tensor.from(ints.map { Float($0) / Float(div) }, shape: [n])
        case .float64: return try Tensor.from(ints.map { Double($0) / div }, shape: [n])
        default: return try Tensor.from(ints: ints, shape: [n], dtype: .int64).to(dtype)
        }
    }

    @Test func promotionTable() throws {
        let rows = try #require(Self.golden["promote"] as? [[String]])
        #expect(rows.count == 36)
        for r in rows {
            let a = try #require(DType.numpy(named: r[0])), b = try #require(DType.numpy(named: r[1]))
            #expect(NumPyPromotion.promote(a, b).numpyName == r[2], "\(r)")
        }
    }

    @Test func weakScalars() throws {
        let rows = try #require(Self.golden["weak"] as? [[String]])
        for r in rows {
            let a = try #require(DType.numpy(named: r[0]))
            let kind: PythonScalarKind = r[1] == "True" ? .bool : r[1].contains(".") ? .float : .int(Int(r[1])!)
            let got: String
            do { got = try NumPyPromotion.promote(a, scalar: kind).numpyName } catch { got = "\(error.type): \(error.message)" }
            #expect(got == r[2], "\(r)")
        }
    }

    @Test func pairwiseSums() throws {
        let rows = try #require(Self.golden["sums"] as? [[Any]])
        #expect(rows.count > 50)
        for r in rows {
            let dt = try #require(DType.numpy(named: r[0] as! String))
            let n = r[1] as! Int, div = (r[2] as! NSNumber).doubleValue
            let x = try Self.values(n, seed: 5, div: div, dtype: dt)
            // Hex floats: Foundation's JSON reader does not round decimal text correctly.
            let want = try #require(Double(r[3] as! String)), wantMean = try #require(Double(r[4] as! String))
            if dt == .float32 {
                let s = 0 + PairwiseSum.sum(x.storage.pointer(Float.self), count: n, stride: 1)
                #expect(Double(s) == want, "float32 n=\(n) div=\(div)")
                #expect(Double(s / Float(n)) == wantMean, "float32 mean n=\(n) div=\(div)")
            } else {
                let s = 0 + PairwiseSum.sum(x.storage.pointer(Double.self), count: n, stride: 1)
                #expect(s == want, "float64 n=\(n) div=\(div)")
                #expect(s / Double(n) == wantMean, "float64 mean n=\(n) div=\(div)")
            }
        }
    }

    @Test func arrayText() throws {
        let rows = try #require(Self.golden["prints"] as? [[Any]])
        let printer = ArrayPrinter(options: PrintOptions())
        var failed = [String]()
        for r in rows {
            let dt = try #require(DType.numpy(named: r[0] as! String))
            let shape = r[1] as! [Int], div = (r[2] as! NSNumber).doubleValue
            let n = shape.reduce(1, *)
            var x: Tensor
            switch dt {
            case .bool:
                let v = try Self.values(n, seed: 3, div: 1, dtype: .int64).ints()
                x = try Tensor.from(v.map { (($0 % 3) + 3) % 3 == 0 }, shape: [n])
            case .uint8:
                let v = try Self.values(n, seed: 3, div: 1, dtype: .int64).ints()
                x = try Tensor.from(v.map { UInt8((($0 % 256) + 256) % 256) }, shape: [n])
            default:
                x = try Self.values(n, seed: 3, div: div, dtype: dt)
            }
            x = try x.reshape(shape)
            let wantRepr = r[3] as! String, wantStr = r[4] as! String
            if printer.repr(x) != wantRepr { failed.append("repr \(r[0]) \(shape) \(div):\n\(printer.repr(x))\nwant\n\(wantRepr)") }
            if printer.str(x) != wantStr { failed.append("str \(r[0]) \(shape) \(div):\n\(printer.str(x))\nwant\n\(wantStr)") }
        }
        #expect(failed.isEmpty, "\(failed.count) differ:\n\(failed.prefix(4).joined(separator: "\n"))")
    }

    @Test func scalarText() throws {
        let rows = try #require(Self.golden["scalars"] as? [[Any]])
        for r in rows {
            let dt = try #require(DType.numpy(named: r[0] as! String))
            let v = (r[1] as! NSNumber).doubleValue
            let t: Tensor
            switch dt {
            case .float32: t = try Tensor.from([Float(v)], shape: [])
            case .float64: t = try Tensor.from([v], shape: [])
            case .bool: t = try Tensor.from([v != 0], shape: [])
            default: t = try Tensor.from(ints: [Int64(v)], shape: [], dtype: dt)
            }
            #expect(ArrayPrinter.scalarRepr(t) == r[2] as! String, "\(r)")
            #expect(ArrayPrinter.scalarStr(t) == r[3] as! String, "\(r)")
        }
    }
}
