import Foundation
import Testing
@testable import NN
import Torch

func callFunctional(_ fn: String, _ xs: [Int], _ ws: [Int]?, _ kw: JSON) throws {
    let x = try Tensor.zeros(xs)
    func ints(_ k: String, _ d: [Int]) -> [Int] {
        if let i = kw[k] as? Int { return [i] }
        return kw[k] as? [Int] ?? d
    }
    switch fn {
    case "conv1d", "conv2d", "conv3d":
        let n = Int(String(fn.dropLast().last!))!
        let pad: ConvPadding = try (kw["padding"] as? String).map { try ConvPadding.named($0) } ?? .explicit(ints("padding", [0]))
        _ = try Functional.convolution(x, Tensor.zeros(ws!), bias: nil, stride: ints("stride", [1]), padding: pad,
                                       dilation: ints("dilation", [1]), groups: kw["groups"] as? Int ?? 1, spatial: n)
    case "conv_transpose1d", "conv_transpose2d", "conv_transpose3d":
        let n = Int(String(fn.dropLast().last!))!
        _ = try Functional.convTranspose(x, Tensor.zeros(ws!), bias: nil, stride: ints("stride", [1]), padding: ints("padding", [0]),
                                         outputPadding: ints("output_padding", [0]), groups: kw["groups"] as? Int ?? 1,
                                         dilation: ints("dilation", [1]), spatial: n)
    case "max_pool1d":
        _ = try Functional.maxPool1d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]), dilation: ints("dilation", [1]))
    case "max_pool2d":
        _ = try Functional.maxPool2d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]), dilation: ints("dilation", [1]))
    case "max_pool3d":
        _ = try Functional.maxPool3d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]), dilation: ints("dilation", [1]))
    case "avg_pool1d":
        _ = try Functional.avgPool1d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]))
    case "avg_pool2d":
        _ = try Functional.avgPool2d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]), divisorOverride: kw["divisor_override"] as? Int)
    case "avg_pool3d":
        _ = try Functional.avgPool3d(x, kernelSize: ints("kernel_size", []), stride: ints("stride", []), padding: ints("padding", [0]), divisorOverride: kw["divisor_override"] as? Int)
    case "pad":
        _ = try Functional.pad(x, kw["pad"] as! [Int], mode: kw["mode"] as! String)
    case "linear":
        let b = try (kw["bias_shape"] as? [Int]).map { try Tensor.zeros($0) }
        _ = try Functional.linear(x, Tensor.zeros(ws!), bias: b)
    case "prelu": _ = try Functional.prelu(x, Tensor.zeros(ws!))
    case "softmax": _ = try Functional.softmax(x, dim: kw["dim"] as! Int)
    case "dropout": _ = try Functional.dropout(x, p: (kw["p"] as! NSNumber).doubleValue)
    case "max_unpool1d", "max_unpool2d", "max_unpool3d":
        let idx = try Tensor.from(ints: (kw["indices"] as! [Int]).map(Int64.init), shape: xs, dtype: .int64)
        let os = kw["output_size"] as? [Int]
        switch fn {
        case "max_unpool1d": _ = try Functional.maxUnpool1d(x, idx, kernelSize: ints("kernel_size", []), outputSize: os)
        case "max_unpool2d": _ = try Functional.maxUnpool2d(x, idx, kernelSize: ints("kernel_size", []), outputSize: os)
        default: _ = try Functional.maxUnpool3d(x, idx, kernelSize: ints("kernel_size", []), outputSize: os)
        }
    default: Issue.record("unknown fn \(fn)")
    }
}

extension NNSerial { @Suite struct NNErrorTests {
static let errorCases = golden["errors"] as! [JSON]

@Test(arguments: Array(NNSerial.NNErrorTests.errorCases.indices))
func functionalError(_ i: Int) throws {
    let c = NNSerial.NNErrorTests.errorCases[i]
    let fn = c["fn"] as! String
    guard let err = c["error"] as? JSON else { return }
    do {
        try callFunctional(fn, c["input_shape"] as! [Int], c["weight_shape"] as? [Int], c["kwargs"] as! JSON)
        Issue.record("\(fn) \(c["kwargs"]!): expected \(err["message"]!)")
    } catch let e as TorchError {
        #expect(e.message == err["message"] as! String, "\(fn) \(c["kwargs"]!)")
        #expect(e.kind == err["type"] as! String, "\(fn) kind")
    }
}

@Test func sequentialReprAndExplain() throws {
    Generator.defaultGenerator.manualSeed(1)
    let model = Sequential([try Conv2d(1, 2, kernelSize: .int(3), padding: .value(.int(1))), ReLU(), MaxPool2d(.int(2)),
                            try Conv2d(2, 1, kernelSize: .int(1)), Sigmoid()])
    #expect(model.repr == """
    Sequential(
      (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
      (1): ReLU()
      (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
      (3): Conv2d(2, 1, kernel_size=(1, 1), stride=(1, 1))
      (4): Sigmoid()
    )
    """)
    let nested = Sequential([Sequential([ReLU()]), try Linear(inFeatures: 3, outFeatures: 4)])
    #expect(nested.repr == "Sequential(\n  (0): Sequential(\n    (0): ReLU()\n  )\n  (1): Linear(in_features=3, out_features=4, bias=True)\n)")
    #expect(nested.namedParameters().map(\.0) == ["1.weight", "1.bias"])
    let conv = try Conv2d(1, 1, kernelSize: .int(3))
    let text = try explainShapes(conv, inputShape: [1, 1, 512, 512])
    #expect(text == "H_out = floor((512 + 2×0 − 1×(3−1) − 1) / 1 + 1) = 510\nW_out = floor((512 + 2×0 − 1×(3−1) − 1) / 1 + 1) = 510\ntorch.Size([1, 1, 510, 510])")
    let seqText = try explainShapes(model, inputShape: [1, 1, 4, 4])
    #expect(seqText.hasSuffix("torch.Size([1, 1, 2, 2])"))
    #expect(MaxPool2d(.int(2)).attribute("kernel_size").map { $0.pythonRepr } == "2")
    #expect(try Conv2d(16, 33, kernelSize: .tuple([3, 5])).attribute("kernel_size").map { $0.pythonRepr } == "(3, 5)")
    #expect(LeakyReLU().repr == "LeakyReLU(negative_slope=0.01)")
    #expect(ReLU(inplace: true).repr == "ReLU(inplace=True)")
}

}
}
