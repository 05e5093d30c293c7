import Foundation
import Testing
@testable import NN
import Torch

typealias JSON = [String: Any]

/// Autograd mode and the default generator are process-global: run all NN tests one at a time.
@Suite(.serialized) enum NNSerial {}

let golden: JSON = {
    let url = Bundle.module.url(forResource: "nn_golden", withExtension: "json", subdirectory: "Golden")!
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! JSON
}()

func tensor(_ j: Any?) throws -> Tensor {
    let d = j as! JSON
    return try Tensor.from(doubles: (d["data"] as! [NSNumber]).map(\.doubleValue), shape: d["shape"] as! [Int], dtype: .float32)
}

func iot(_ v: Any?) -> IntOrTuple? {
    if let i = v as? Int { return .int(i) }
    if let a = v as? [Int] { return .tuple(a) }
    return nil
}

func makeModule(_ name: String, _ kw: JSON) throws -> Module {
    func i(_ k: String, _ d: Int) -> Int { kw[k] as? Int ?? d }
    func f(_ k: String, _ d: Double) -> Double { (kw[k] as? NSNumber)?.doubleValue ?? d }
    func b(_ k: String, _ d: Bool) -> Bool { kw[k] as? Bool ?? d }
    let dims = name.last == "d" ? Int(String(name.dropLast().last!)) ?? 0 : 0
    switch name {
    case "Conv1d", "Conv2d", "Conv3d":
        let pad: ConvPaddingArg = (kw["padding"] as? String).map { .string($0) } ?? .value(iot(kw["padding"]) ?? .int(0))
        return try Conv(dims: dims, inChannels: i("in_channels", 0), outChannels: i("out_channels", 0),
                        kernelSize: iot(kw["kernel_size"])!, stride: iot(kw["stride"]) ?? .int(1), padding: pad,
                        dilation: iot(kw["dilation"]) ?? .int(1), groups: i("groups", 1), bias: b("bias", true),
                        paddingMode: kw["padding_mode"] as? String ?? "zeros")
    case "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d":
        return try ConvTranspose(dims: dims, inChannels: i("in_channels", 0), outChannels: i("out_channels", 0),
                                 kernelSize: iot(kw["kernel_size"])!, stride: iot(kw["stride"]) ?? .int(1),
                                 padding: iot(kw["padding"]) ?? .int(0), outputPadding: iot(kw["output_padding"]) ?? .int(0),
                                 groups: i("groups", 1), bias: b("bias", true), dilation: iot(kw["dilation"]) ?? .int(1),
                                 paddingMode: kw["padding_mode"] as? String ?? "zeros")
    case "MaxPool1d", "MaxPool2d", "MaxPool3d":
        return MaxPool(dims: dims, kernelSize: iot(kw["kernel_size"])!, stride: iot(kw["stride"]), padding: iot(kw["padding"]) ?? .int(0),
                       dilation: iot(kw["dilation"]) ?? .int(1), ceilMode: b("ceil_mode", false))
    case "AvgPool1d", "AvgPool2d", "AvgPool3d":
        return AvgPool(dims: dims, kernelSize: iot(kw["kernel_size"])!, stride: iot(kw["stride"]), padding: iot(kw["padding"]) ?? .int(0),
                       ceilMode: b("ceil_mode", false), countIncludePad: b("count_include_pad", true), divisorOverride: kw["divisor_override"] as? Int)
    case "Linear": return try Linear(inFeatures: i("in_features", 0), outFeatures: i("out_features", 0), bias: b("bias", true))
    case "Flatten": return Flatten(startDim: i("start_dim", 1), endDim: i("end_dim", -1))
    case "Identity": return Identity()
    case "Sigmoid": return Sigmoid()
    case "Tanh": return Tanh()
    case "ReLU": return ReLU(inplace: b("inplace", false))
    case "LeakyReLU": return LeakyReLU(negativeSlope: f("negative_slope", 0.01))
    case "PReLU": return try PReLU(numParameters: i("num_parameters", 1), initValue: f("init", 0.25))
    case "RReLU": return RReLU(lower: f("lower", 1.0 / 8), upper: f("upper", 1.0 / 3))
    case "Softmax": return Softmax(dim: kw["dim"] as? Int)
    case "ELU": return ELU(alpha: f("alpha", 1))
    case "GELU": return GELU(approximate: kw["approximate"] as? String ?? "none")
    case "SiLU": return SiLU()
    case "Softplus": return Softplus(beta: f("beta", 1), threshold: f("threshold", 20))
    case "Hardtanh": return try Hardtanh(minVal: f("min_val", -1), maxVal: f("max_val", 1))
    case "Dropout": return try Dropout(p: f("p", 0.5))
    default: fatalError("unknown module \(name)")
    }
}

func close(_ a: [Double], _ b: [Double], rtol: Double = 1e-5, atol: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
}

extension NNSerial { @Suite struct NNGoldenTests {
static let moduleCases = (golden["modules"] as! [JSON]).enumerated().map { ($0.offset, $0.element) }

@Test(arguments: NNSerial.NNGoldenTests.moduleCases.map(\.0))
func moduleGolden(_ index: Int) throws {
    let c = NNSerial.NNGoldenTests.moduleCases[index].1
    let name = c["ctor"] as! String
    Generator.defaultGenerator.manualSeed(UInt64(c["seed"] as! Int))
    let m = try makeModule(name, c["kwargs"] as! JSON)
    if c["eval"] as! Bool { m.eval() }
    #expect(m.repr == c["repr"] as! String, "\(name) repr")
    let params = c["params"] as! JSON
    for (pname, p) in m.namedParameters() {
        let want = try tensor(params[pname])
        #expect(p.shape == want.shape, "\(name).\(pname) shape")
        #expect(try p.doubles() == want.doubles(), "\(name).\(pname) init values (bit-exact)")
    }
    let x = try tensor(c["input"])
    try x.setRequiresGrad(true)
    Generator.defaultGenerator.manualSeed(7)
    let y: Tensor
    if let os = c["output_size"] as? [Int], let ct = m as? ConvTranspose {
        y = try ct.forward(x, outputSize: os)
    } else {
        y = try m.forward(x)
    }
    let want = try tensor(c["output"])
    #expect(y.shape == want.shape, "\(name) output shape")
    #expect(try close(y.doubles(), want.doubles()), "\(name) output values")
    #expect(y.gradFn?.name == c["grad_fn"] as? String, "\(name) grad_fn")
    try y.backward(try tensor(c["grad_output"]))
    let grads = c["grads"] as! JSON
    #expect(try close(x.grad?.doubles() ?? [], try tensor(grads["input"]).doubles(), rtol: 1e-4, atol: 1e-5), "\(name) input grad")
    for (pname, p) in m.namedParameters() {
        #expect(try close(p.grad?.doubles() ?? [], try tensor(grads[pname]).doubles(), rtol: 1e-4, atol: 1e-5), "\(name).\(pname) grad")
    }
}

@Test func constructorErrors() throws {
    for c in golden["ctor_errors"] as! [JSON] {
        let err = c["error"] as! JSON
        do {
            _ = try makeModule(c["ctor"] as! String, c["kwargs"] as! JSON)
            Issue.record("expected \(err["message"]!)")
        } catch let e as TorchError {
            #expect(e.kind == err["type"] as! String)
            // The messages list Python sets (`{'same', 'valid'}`), whose order varies with the hash seed.
            #expect(setsSorted(e.message) == setsSorted(err["message"] as! String))
        }
    }
}

/// `text` with the items of every `{…}` sorted, so that two renderings of one Python set compare equal.
func setsSorted(_ text: String) -> String {
    var out = "", rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        out += rest[..<open] + "{" + rest[rest.index(after: open)..<close].components(separatedBy: ", ").sorted().joined(separator: ", ") + "}"
        rest = rest[rest.index(after: close)...]
    }
    return out + rest
}

@Test func initGolden() throws {
    for c in golden["inits"] as! [JSON] {
        let fn = c["fn"] as! String, kw = c["kwargs"] as! JSON
        Generator.defaultGenerator.manualSeed(UInt64(c["seed"] as! Int))
        let t = try Tensor.zeros(c["shape"] as! [Int])
        func f(_ k: String, _ d: Double) -> Double { (kw[k] as? NSNumber)?.doubleValue ?? d }
        let mode = kw["mode"] as? String ?? "fan_in", nl = kw["nonlinearity"] as? String ?? "leaky_relu"
        switch fn {
        case "kaiming_uniform_": try Init.kaimingUniform_(t, a: f("a", 0), mode: mode, nonlinearity: nl)
        case "kaiming_normal_": try Init.kaimingNormal_(t, a: f("a", 0), mode: mode, nonlinearity: nl)
        case "xavier_uniform_": try Init.xavierUniform_(t, gain: f("gain", 1))
        case "xavier_normal_": try Init.xavierNormal_(t, gain: f("gain", 1))
        case "uniform_": try Init.uniform_(t, a: f("a", 0), b: f("b", 1))
        case "normal_": try Init.normal_(t, mean: f("mean", 0), std: f("std", 1))
        case "constant_": try Init.constant_(t, f("val", 0))
        case "zeros_": try Init.zeros_(t)
        case "ones_": try Init.ones_(t)
        case "eye_": try Init.eye_(t)
        case "dirac_": try Init.dirac_(t, groups: kw["groups"] as? Int ?? 1)
        default: Issue.record("unknown init \(fn)")
        }
        #expect(try t.doubles() == (try tensor(c["result"])).doubles(), "\(fn) \(kw)")
    }
    for g in golden["gains"] as! [[Any]] {
        let p = (g[1] as? NSNumber)?.doubleValue
        #expect(try Init.calculateGain(g[0] as! String, param: p) == (g[2] as! NSNumber).doubleValue)
    }
}

}
}
