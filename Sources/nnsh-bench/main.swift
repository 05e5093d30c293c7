// nnsh-bench: times the workloads of ../shared/bench/WORKLOADS.md with nnsh's own layers.
//
// Same rules as torch_bench.py: float32, 2 threads, inputs made once, two warm-up calls, then the
// median of 15 timed calls (5 when one call takes over 100 ms). Forward passes run without recording
// autograd; the `*_backward` workloads time forward + backward of `out.sum()` with the weights and
// the input requiring grad, clearing the gradients each call.
// Prints `NAME<TAB>MEDIAN_MS` per workload. Usage: nnsh-bench [--filter SUBSTR] [--cpu]
// (`--cpu`: process CPU time of all threads per call instead of wall time.)
import Foundation
import NN
import Torch

nonisolated(unsafe) var clock = CLOCK_MONOTONIC

@inline(never)
func now() -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func timed(_ f: () throws -> Void, reps: Int = 15) rethrows -> Double {
    try f(); try f()
    let first = now(); try f(); let one = now() - first
    let n = one > 0.1 ? 5 : reps
    var ts = [Double]()
    ts.reserveCapacity(n)
    for _ in 0..<n {
        let t = now(); try f(); ts.append(now() - t)
    }
    ts.sort()
    let median = n % 2 == 1 ? ts[n / 2] : (ts[n / 2 - 1] + ts[n / 2]) / 2
    return median * 1e3
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink: Int = 0

func fwd(_ m: Module, _ x: Tensor) -> () throws -> Void {
    { try GradMode.withoutGrad { sink &+= try m.forward(x).numel } }
}

func fwdBwd(_ m: Module, _ x0: Tensor) throws -> () throws -> Void {
    let x = try x0.clone().detach()
    try x.setRequiresGrad(true)
    return {
        m.zeroGrad(); x.grad = nil
        try m.forward(x).sum().backward()
    }
}

var filter = ""
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--filter": filter = args.popFirst() ?? ""
    case "--cpu": clock = CLOCK_PROCESS_CPUTIME_ID
    case "-h", "--help":
        print("usage: nnsh-bench [--filter SUBSTR] [--cpu]")
        exit(0)
    default:
        FileHandle.standardError.write("nnsh-bench: unknown argument \(a)\n".data(using: .utf8)!)
        exit(2)
    }
}

// A header compare.py skips (one field): which machine and vector path this table is from.
print("# nnsh-bench on \(CPUInfo.summary)")
do {
    _ = manualSeed(0)
    let x512 = try Tensor.randn([1, 3, 512, 512])
    let mpIdx = MaxPool(dims: 2, kernelSize: .int(2), stride: .int(2), returnIndices: true)
    let (pooled, idx) = try GradMode.withoutGrad { try mpIdx.forwardWithIndices(x512) }
    let xa = try Tensor.randn([1, 64, 256, 256])
    let x56 = try Tensor.randn([8, 64, 56, 56])
    let x128 = try Tensor.randn([4, 16, 128, 128])
    let xl = try Tensor.randn([256, 1024])
    let x10 = try Tensor.randn([10, 100])
    let xTut = try Tensor.randn([20, 16, 50, 100])
    let x28 = try Tensor.randn([8, 64, 28, 28])
    let x1d = try Tensor.randn([16, 64, 1024])
    let x3d = try Tensor.randn([2, 8, 32, 32, 32])

    func conv(_ n: Int, _ i: Int, _ o: Int, _ k: IntOrTuple, stride: IntOrTuple = .int(1), padding: IntOrTuple = .int(0),
              dilation: IntOrTuple = .int(1), groups: Int = 1, mode: String = "zeros") throws -> Conv {
        try Conv(dims: n, inChannels: i, outChannels: o, kernelSize: k, stride: stride, padding: .value(padding),
                 dilation: dilation, groups: groups, paddingMode: mode)
    }
    func convT(_ i: Int, _ o: Int, _ k: Int, stride: Int = 1, padding: Int = 0) throws -> ConvTranspose {
        try ConvTranspose(dims: 2, inChannels: i, outChannels: o, kernelSize: .int(k), stride: .int(stride), padding: .int(padding))
    }

    // Workloads are built lazily so `--filter` skips unrelated setup.
    let unpool = MaxUnpool(dims: 2, kernelSize: .int(2), stride: .int(2))
    let workloads: [(String, () throws -> () throws -> Void)] = [
        ("conv2d_3to1_k3_512", { fwd(try conv(2, 3, 1, .int(3)), x512) }),
        ("convT2d_3to1_k3s2_512", { fwd(try convT(3, 1, 3, stride: 2), x512) }),
        ("maxpool2d_2x2_512", { fwd(MaxPool(dims: 2, kernelSize: .int(2), stride: .int(2)), x512) }),
        ("maxpool2d_idx_2x2_512", { { try GradMode.withoutGrad { sink &+= try mpIdx.forwardWithIndices(x512).1.numel } } }),
        ("avgpool2d_2x2_512", { fwd(AvgPool(dims: 2, kernelSize: .int(2), stride: .int(2)), x512) }),
        ("maxunpool2d_2x2_512", { { try GradMode.withoutGrad { sink &+= try unpool.forward(pooled, indices: idx).numel } } }),
        ("conv2d_tutorial_20x16x50x100", { fwd(try conv(2, 16, 33, .tuple([3, 5]), stride: .tuple([2, 1]), padding: .tuple([4, 2])), xTut) }),
        ("conv2d_64to64_k3p1_b8_56", { fwd(try conv(2, 64, 64, .int(3), padding: .int(1)), x56) }),
        ("conv2d_dw64_k3p1_b8_56", { fwd(try conv(2, 64, 64, .int(3), padding: .int(1), groups: 64), x56) }),
        ("conv2d_reflect_16to16_k3p1_b4_128", { fwd(try conv(2, 16, 16, .int(3), padding: .int(1), mode: "reflect"), x128) }),
        ("conv2d_dil2_16to16_k3p2_b4_128", { fwd(try conv(2, 16, 16, .int(3), padding: .int(2), dilation: .int(2)), x128) }),
        ("convT2d_64to32_k4s2p1_b8_28", { fwd(try convT(64, 32, 4, stride: 2, padding: 1), x28) }),
        ("conv1d_64to64_k5p2_b16_1024", { fwd(try conv(1, 64, 64, .int(5), padding: .int(2)), x1d) }),
        ("conv3d_8to16_k3p1_b2_32", { fwd(try conv(3, 8, 16, .int(3), padding: .int(1)), x3d) }),
        ("linear_1024_b256", { fwd(try Linear(inFeatures: 1024, outFeatures: 1024), xl) }),
        ("relu_4M", { fwd(ReLU(), xa) }),
        ("sigmoid_4M", { fwd(Sigmoid(), xa) }),
        ("tanh_4M", { fwd(Tanh(), xa) }),
        ("leakyrelu_4M", { fwd(LeakyReLU(), xa) }),
        ("prelu_4M", { fwd(try PReLU(), xa) }),
        ("rrelu_eval_4M", { fwd(RReLU().eval(), xa) }),
        ("randn_4M", { { sink &+= try Tensor.randn([4194304]).numel } }),
        ("repr_10x100", { { sink &+= tensorRepr(x10).utf8.count } }),
        ("conv2d_backward_64to64_k3p1_b8_56", { try fwdBwd(try conv(2, 64, 64, .int(3), padding: .int(1)), x56) }),
        ("linear_backward_1024_b256", { try fwdBwd(try Linear(inFeatures: 1024, outFeatures: 1024), xl) }),
        ("maxpool2d_backward_2x2_512", { try fwdBwd(MaxPool(dims: 2, kernelSize: .int(2), stride: .int(2)), x512) }),
    ]
    for (name, make) in workloads where filter.isEmpty || name.contains(filter) {
        let f = try make()
        let ms = try timed(f)
        print("\(name)\t\(String(format: "%.4f", ms))")
        fflush(stdout)
    }
} catch {
    FileHandle.standardError.write("nnsh-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
