import Foundation
import Testing
@testable import Torch

/// `torch.set_printoptions(**opts)` applied to the defaults, as the golden script does.
private func options(from dict: [String: Any]) -> PrintOptions {
    var o = PrintOptions()
    if let p = dict["profile"] as? String {
        switch p {
        case "short": o = .short
        case "full": o = .full
        default: o = .default
        }
    }
    if let v = dict["precision"] as? Int { o.precision = v }
    if let v = dict["threshold"] as? Double { o.threshold = v }
    if let v = dict["edgeitems"] as? Int { o.edgeitems = v }
    if let v = dict["linewidth"] as? Int { o.linewidth = v }
    o.sciMode = dict["sci_mode"] as? Bool
    return o
}

@Suite struct PrinterTests {
    @Test func goldenReprsMatchPyTorch() throws {
        let golden = try loadGolden("printer.json")
        let cases = golden["cases"] as! [[String: Any]]
        #expect(cases.count > 500)
        var failures = [String]()
        for (k, c) in cases.enumerated() {
            let dtype = dtypeNamed(c["dtype"] as! String)
            let shape = c["shape"] as! [Int]
            var t = try goldenTensor(dtype: dtype, shape: shape, values: c["values"] as! [Any])
            if c["transpose"] as! Bool { t = try transposedView(t) }
            try t.setRequiresGrad(c["requires_grad"] as! Bool)
            t.isParameter = c["parameter"] as! Bool
            let opts = options(from: c["options"] as! [String: Any])
            let expected = c["repr"] as! String
            let got = tensorRepr(t, options: opts)
            if got != expected {
                failures.append("case \(k) dtype=\(dtype) shape=\(shape) options=\(c["options"]!)\n"
                                + readableDiff(expected: expected, got: got))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) reprs differ:\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    @Test func parityScriptValues() throws {
        // The values of /work/shared/parity/cases/print_*.py; expected text is their real PyTorch stdout.
        let o = PrintOptions()
        #expect(tensorRepr(try Tensor.from([Float(1.5), -2.25, 3.0]), options: o) == "tensor([ 1.5000, -2.2500,  3.0000])")
        #expect(tensorRepr(try Tensor.from([Float(99.99995), 0.25]), options: o) == "tensor([99.9999,  0.2500])")
        #expect(tensorRepr(Tensor.scalar(12345678), options: o) == "tensor(12345678.)")
        #expect(tensorRepr(Tensor.scalar(-0.0), options: o) == "tensor(-0.)")
        #expect(tensorRepr(try Tensor.from([Float(0), 1, -1, 2]).applyingDivide([0, 0, 0, 4]), options: o)
                == "tensor([   nan,    inf,   -inf, 0.5000])")
        let e = try Tensor.zeros([0, 3])
        #expect(tensorRepr(e, options: o) == "tensor([], size=(0, 3))")
        #expect(tensorRepr(try Tensor.zeros([0], dtype: .int64), options: o) == "tensor([], dtype=torch.int64)")
        let g = try Tensor.from([Double(1), 1])
        try g.setRequiresGrad(true)
        #expect(tensorRepr(g, options: o) == "tensor([1., 1.], dtype=torch.float64, requires_grad=True)")
        let i = try Tensor.from((0..<1331).map { Int64($0) }, shape: [11, 11, 11])
        let out = tensorRepr(i, options: o)
        #expect(out.hasPrefix("tensor([[[   0,    1,    2,  ...,    8,    9,   10],\n"))
        #expect(out.hasSuffix("         [1320, 1321, 1322,  ..., 1328, 1329, 1330]]])"))
        #expect(out.components(separatedBy: "\n\n        ...,\n\n").count == 2)
    }

    @Test func sizeReprMatchesTorchSize() {
        #expect(sizeRepr([2, 3]) == "torch.Size([2, 3])")
        #expect(sizeRepr([]) == "torch.Size([])")
        #expect(sizeRepr([0]) == "torch.Size([0])")
        #expect(tupleRepr([5]) == "(5,)")
        #expect(tupleRepr([]) == "()")
    }

    @Test func parameterPrefixAndGradFlags() throws {
        let p = try Tensor.from([Float(0.5), -1])
        p.isParameter = true
        try p.setRequiresGrad(true)
        #expect(tensorRepr(p, options: PrintOptions()) == "Parameter containing:\ntensor([ 0.5000, -1.0000], requires_grad=True)")
    }

    @Test(.serialized, arguments: [0])
    func globalPrintOptions(_: Int) throws {
        let saved = PrintOptions.current
        defer { PrintOptions.current = saved }
        let x = try Tensor.from([Float(3.14159265), -2.71828182, 0.5])
        setPrintOptions(precision: 2)
        #expect(tensorRepr(x) == "tensor([ 3.14, -2.72,  0.50])")
        setPrintOptions(precision: 0)
        #expect(tensorRepr(x) == "tensor([ 3, -3,  0])")
        setPrintOptions(profile: "default")
        #expect(getPrintOptions() == PrintOptions())
        setPrintOptions(linewidth: 40)
        #expect(tensorRepr(try Tensor.from((0..<15).map { Float($0) / 4 })) ==
                "tensor([0.0000, 0.2500, 0.5000, 0.7500,\n        1.0000, 1.2500, 1.5000, 1.7500,\n        2.0000, 2.2500, 2.5000, 2.7500,\n        3.0000, 3.2500, 3.5000])")
        setPrintOptions(profile: "full")
        #expect(PrintOptions.current.threshold == .infinity)
        #expect(PrintOptions.current.linewidth == 80)
    }
}

private extension Tensor {
    /// Elementwise division by constants into a new float32 tensor (test helper only).
    func applyingDivide(_ d: [Float]) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: .float32)
        for i in 0..<numel { out.setFlat(i, Double(Float(flatDouble(i)) / d[i])) }
        return out
    }
}

@Suite struct PythonFormatTests {
    @Test func floatReprMatchesPython() throws {
        let golden = try loadGolden("pyformat.json")
        let cases = golden["repr"] as! [[String: Any]]
        #expect(cases.count > 1000)
        var failures = [String]()
        for c in cases {
            let x = doubleFromHex(c["bits"] as! String)
            let got = pythonFloatRepr(x), expected = c["repr"] as! String
            if got != expected { failures.append("\(c["bits"]!): expected \(expected) got \(got)") }
        }
        #expect(failures.isEmpty, "\(failures.count) reprs differ:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func formatSpecMatchesPython() throws {
        let golden = try loadGolden("pyformat.json")
        let cases = golden["format"] as! [[String: Any]]
        #expect(cases.count > 1000)
        var failures = [String]()
        for c in cases {
            let spec = c["spec"] as! String
            let what: String
            let result: Result<String, Error>
            if c["kind"] as! String == "float" {
                let x = doubleFromHex(c["bits"] as! String)
                what = "format(\(pythonFloatRepr(x)), '\(spec)')"
                result = Result { try pythonFormat(x, spec: spec) }
            } else {
                let n = Int64(c["int"] as! String)!
                what = "format(\(n), '\(spec)')"
                result = Result { try pythonFormat(n, spec: spec) }
            }
            let expected: String
            if let out = c["out"] as? String { expected = "'" + out + "'" } else { expected = c["err"] as! String }
            let got: String
            switch result {
            case .success(let s): got = "'" + s + "'"
            case .failure(let e): got = "\(e)"
            }
            // Errors must be errors of the same kind; the text is compared too.
            if got != expected { failures.append("\(what): expected \(expected) got \(got)") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) formats differ:\n\(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func handPickedFormats() throws {
        #expect(pythonFloatRepr(1e-05) == "1e-05")
        #expect(pythonFloatRepr(1e16) == "1e+16")
        #expect(pythonFloatRepr(-0.0) == "-0.0")
        #expect(pythonFloatRepr(0.1) == "0.1")
        #expect(try pythonFormat(3.0, spec: ".3f") == "3.000")
        #expect(try pythonFormat(Int64(255), spec: "#x") == "0xff")
        #expect(throws: TorchError.self) { try pythonFormat(1.5, spec: "d") }
    }
}
