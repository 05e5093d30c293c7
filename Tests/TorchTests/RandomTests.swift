import Foundation
import Testing
@testable import Torch

/// A tensor's elements in logical row-major order, encoded as the golden file does.
private func encode(_ t: Tensor) -> [String] {
    var out = [String]()
    t.forEachOffset { o in
        switch t.dtype {
        case .float32:
            let b = Float(t.flatDouble(o)).bitPattern
            out.append(String(repeating: "0", count: 8 - String(b, radix: 16).count) + String(b, radix: 16))
        case .float64:
            let b = t.flatDouble(o).bitPattern
            out.append(String(repeating: "0", count: 16 - String(b, radix: 16).count) + String(b, radix: 16))
        default:
            out.append(String(t.flatInt(o)))
        }
    }
    return out
}

private func num(_ step: [String: Any], _ key: String) -> Double {
    if let s = step[key] as? String { return Double(s)! }   // "inf", "-inf", "nan"
    return (step[key] as! NSNumber).doubleValue
}

/// Runs one golden step (same names as scripts/golden/make_rng_golden.py) on generator `g`.
private func run(_ step: [String: Any], _ g: Generator) throws -> Tensor {
    let op = step["op"] as! String
    let n = step["n"] as? Int ?? 0
    let dtype = dtypeNamed(step["dtype"] as? String ?? "float32")
    switch op {
    case "rand": return try Tensor.rand(step["shape"] as! [Int], dtype: dtype, generator: g)
    case "randn": return try Tensor.randn(step["shape"] as! [Int], dtype: dtype, generator: g)
    case "normal":
        let t = try Tensor.zeros([n], dtype: dtype)
        try normal_(t, mean: num(step, "mean"), std: num(step, "std"), generator: g)
        return t
    case "normal_t":
        let base = try Tensor.zeros([n, 3], dtype: dtype)
        try normal_(transposedView(base), mean: num(step, "mean"), std: num(step, "std"), generator: g)
        return base
    case "uniform":
        let t = try Tensor.zeros([n], dtype: dtype)
        try uniform_(t, from: num(step, "from"), to: num(step, "to"), generator: g)
        return t
    case "uniform_t":
        let base = try Tensor.zeros([n, 2], dtype: dtype)
        try uniform_(transposedView(base), from: num(step, "from"), to: num(step, "to"), generator: g)
        return base
    case "bernoulli":
        let t = try Tensor.zeros([n], dtype: dtype)
        try bernoulli_(t, p: num(step, "p"), generator: g)
        return t
    case "randint":
        return try Tensor.randint(Int64(step["low"] as! String)!, Int64(step["high"] as! String)!, [n],
                                  dtype: dtype, generator: g)
    case "random":
        let t = try Tensor.zeros([n], dtype: dtype)
        try random_(t, generator: g)
        return t
    case "randperm": return try Tensor.randperm(n, dtype: dtype, generator: g)
    case "randn_like_t":
        return try Tensor.randnLike(transposedView(try Tensor.zeros(step["shape"] as! [Int], dtype: dtype)), generator: g)
    case "rand_like_t":
        return try Tensor.randLike(transposedView(try Tensor.zeros(step["shape"] as! [Int], dtype: dtype)), generator: g)
    case "rrelu":
        var x = try goldenTensor(dtype: .float64, shape: step["shape"] as! [Int], values: step["x"] as! [Any])
        if dtype == .float32 {
            let f = try Tensor.zeros(x.shape, dtype: .float32)
            for i in 0..<x.numel { f.setFlat(i, x.flatDouble(i)) }
            x = f
        }
        if step["transpose"] as? Bool == true { x = try transposedView(x) }
        return try rreluNoise(x, lower: num(step, "lower"), upper: num(step, "upper"), generator: g).output
    default:
        throw TorchError.runtime("unknown op \(op)")
    }
}

@Suite struct RandomTests {
    @Test func goldenStreamsMatchPyTorchBitForBit() throws {
        let golden = try loadGolden("rng.json")
        let streams = golden["streams"] as! [[String: Any]]
        #expect(streams.count >= 10)
        var failures = [String](), compared = 0
        for s in streams {
            let seedText = s["seed"] as! String
            let seed = seedText.hasPrefix("-") ? UInt64(bitPattern: Int64(seedText)!) : UInt64(seedText)!
            let g = Generator(seed: seed)
            #expect(String(g.initialSeed) == s["initial_seed"] as! String)
            for (k, step) in (s["steps"] as! [[String: Any]]).enumerated() {
                let expected = step["out"] as! [String]
                let result = try run(step, g)
                let got = encode(result)
                compared += expected.count
                if let text = step["repr"] as? String {
                    let shown = tensorRepr(result, options: PrintOptions())
                    if shown != text { failures.append("seed \(seedText) step \(k) repr:\n" + readableDiff(expected: text, got: shown)) }
                }
                if got != expected {
                    let i = (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] } ?? min(got.count, expected.count)
                    var desc = step
                    desc["out"] = nil
                    desc["x"] = nil
                    desc["repr"] = nil
                    failures.append("seed \(seedText) step \(k) \(desc): \(got.count) vs \(expected.count) values, first difference at \(i): got \(i < got.count ? got[i] : "-") expected \(i < expected.count ? expected[i] : "-")")
                    break   // the rest of this stream is out of step
                }
            }
        }
        #expect(compared > 50_000)
        #expect(failures.isEmpty, "\(failures.count) streams diverge:\n\(failures.joined(separator: "\n"))")
    }

    @Test func errorMessagesMatchPyTorch() throws {
        let golden = try loadGolden("rng.json")
        let cases = golden["errors"] as! [[String: Any]]
        #expect(cases.count > 10)
        for c in cases {
            let expected = c["err"] as! String
            var got = "no error"
            do { _ = try run(c, Generator()) } catch { got = "\(error)" }
            #expect(got == expected, "\(c["op"]!): expected \(expected)\n got \(got)")
        }
    }

    @Test func seedingRules() {
        let a = Generator(seed: 5), b = Generator(seed: (1 << 32) + 5)
        #expect((0..<5).map { _ in a.random() } == (0..<5).map { _ in b.random() })
        let c = Generator(seed: 0)
        c.manualSeed(Int64(-1))
        #expect(c.initialSeed == UInt64.max)
        #expect(Generator().initialSeed == 67280421310721)
        // std::mt19937 with the default seed 5489 starts 3499211612, 581869302, 3890346734.
        let m = Generator(seed: 5489)
        #expect([m.random(), m.random(), m.random()] == [3499211612, 581869302, 3890346734])
    }

    @Test func normalCacheSurvivesAndIsShared() throws {
        let g = Generator(seed: 9), h = Generator(seed: 9)
        _ = try Tensor.randn([3], generator: g)                       // cos1, sin1, cos2; sin2 cached
        #expect(g.nextDoubleNormalSample != nil)
        _ = try Tensor.randn([16], dtype: .float64, generator: g)     // vectorised: cache untouched
        #expect(g.nextDoubleNormalSample != nil)
        let x = try Tensor.randn([4], generator: h)
        let y = try Tensor.randn([1], dtype: .float64, generator: g)
        #expect(Float(y.flatDouble(0)) == Float(x.flatDouble(3)))
        g.manualSeed(Int64(9))
        #expect(g.nextDoubleNormalSample == nil)
    }

    @Test func parityScriptsRandRandint() throws {
        // rng_rand.py: torch.manual_seed(7); print(torch.rand(4)) → tensor([0.5349, 0.1988, 0.6592, 0.6569])
        let g = Generator(seed: 7)
        #expect(tensorRepr(try Tensor.rand([4], generator: g), options: PrintOptions()) == "tensor([0.5349, 0.1988, 0.6592, 0.6569])")
        // rng_randint.py: torch.manual_seed(3); torch.randint(0, 10, (5,)) → tensor([6, 8, 7, 7, 0])
        let h = Generator(seed: 3)
        #expect(tensorRepr(try Tensor.randint(0, 10, [5], generator: h), options: PrintOptions()) == "tensor([6, 8, 7, 7, 0])")
        // rng_normal_noncontiguous.py: seed 0, zeros(5,4).transpose(0,1).normal_() first row
        let k = Generator(seed: 0)
        let b = try transposedView(try Tensor.zeros([5, 4]))
        try normal_(b, generator: k)
        #expect(tensorRepr(b, options: PrintOptions()).hasPrefix("tensor([[ 1.5410, -1.0845, -0.7193, -0.8567, -0.5663],"))
    }

    @Test func defaultGeneratorIsSeededNondeterministically() {
        #expect(Generator.nondeterministicSeed() != Generator.nondeterministicSeed())
    }
}
