// Kernels: loops over contiguous buffers. No tensor type; callers (Torch) validate arguments.
// Every output buffer is overwritten (never accumulated into) unless documented otherwise.
import CBLAS
import CFastMath
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set from a SIGINT handler (through `Interpreter.interruptRequested`). Long kernels poll it between
/// blocks (batch items, output rows) and return early, leaving their output unspecified; the caller
/// (Torch) then throws `KeyboardInterrupt` instead of returning that output.
public enum KernelInterrupt {
    nonisolated(unsafe) public static var requested = false
}

/// Number of worker threads kernels split work over: the online processors, at most 2 (the target
/// machines have 2 cores) until `torch.set_num_threads` says otherwise.
nonisolated(unsafe) public var kernelThreadCount: Int = defaultKernelThreadCount

public let defaultKernelThreadCount: Int = {
    let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    return max(1, min(2, n))
}()

/// Splits `0..<count` into at most `kernelThreadCount` contiguous chunks of at least `minChunk`
/// items and runs `body` on each chunk, concurrently when there is more than one chunk.
@inlinable
public func parallelFor(count: Int, minChunk: Int = 1, body: (Range<Int>) -> Void) {
    if count <= 0 { return }
    let threads = min(kernelThreadCount, count / max(minChunk, 1))
    if threads <= 1 { body(0..<count); return }
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        body((count * t / threads)..<(count * (t + 1) / threads))
    }
}

/// Float or Double: the element types kernels are specialised for.
public protocol KernelFloat: BinaryFloatingPoint, SIMDScalar, Sendable {
    /// Row-major GEMM: C = alpha * op(A) * op(B) + beta * C, op(A) is m×k, op(B) is k×n.
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// y[i] = op(x[i]) for i in `range` (x may equal y); elements from `scalarFrom` on take ATen's
    /// scalar formula (see `activationForward`).
    static func activationRange(_ op: ActivationOp, _ x: UnsafePointer<Self>, _ y: UnsafeMutablePointer<Self>,
                                _ range: Range<Int>, scalarFrom: Int, params: UnsafePointer<Self>)
    /// The op's gradient for i in `range`: `saved` is the output (sigmoid, tanh) or the input (the others).
    static func activationBackwardRange(_ op: ActivationOp, grad: UnsafePointer<Self>, saved: UnsafePointer<Self>,
                                        _ y: UnsafeMutablePointer<Self>, _ range: Range<Int>, scalarFrom: Int,
                                        params: UnsafePointer<Self>)
    /// out[c] = bias + Σ_i w[i] * taps[i][c], summed in tap order, for c in `range` (at least 8 columns):
    /// the interior of one output row of the direct convolution.
    static func convTapsRange(_ taps: UnsafePointer<UnsafePointer<Self>>, _ w: UnsafePointer<Self>, count: Int,
                              bias: Self, _ out: UnsafeMutablePointer<Self>, _ range: Range<Int>)
}

extension Float: KernelFloat {
    @inlinable
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        _ = blasConfigured
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(max(lda, 1)), b, Int32(max(ldb, 1)),
                    beta, c, Int32(max(ldc, 1)))
    }
    /// ATen's kernels at PyTorch's CPU capability, with SLEEF's vector math (CFastMath/vecmath.c).
    public static func activationRange(_ op: ActivationOp, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                                       _ range: Range<Int>, scalarFrom: Int, params: UnsafePointer<Float>) {
        nnsh_activation_f32(op.rawValue, x, y, range.lowerBound, range.upperBound, scalarFrom, params)
    }
    public static func activationBackwardRange(_ op: ActivationOp, grad: UnsafePointer<Float>, saved: UnsafePointer<Float>,
                                               _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>, scalarFrom: Int,
                                               params: UnsafePointer<Float>) {
        nnsh_activation_backward_f32(op.rawValue, grad, saved, y, range.lowerBound, range.upperBound, scalarFrom, params)
    }
    /// In CFastMath: with AVX2, eight columns per register (Swift's SIMD8 here is two SSE halves).
    public static func convTapsRange(_ taps: UnsafePointer<UnsafePointer<Float>>, _ w: UnsafePointer<Float>, count: Int,
                                     bias: Float, _ out: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        let cTaps = UnsafeRawPointer(taps).assumingMemoryBound(to: UnsafePointer<Float>?.self)
        nnsh_conv_taps_f32(cTaps, w, count, bias, out, range.lowerBound, range.upperBound)
    }
}

extension Double: KernelFloat {
    @inlinable
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        if m == 0 || n == 0 { return }
        _ = blasConfigured
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(max(lda, 1)), b, Int32(max(ldb, 1)),
                    beta, c, Int32(max(ldc, 1)))
    }
    /// ATen's scalar formulas (its float64 vector path calls SLEEF's double functions, which nnsh does not).
    public static func activationRange(_ op: ActivationOp, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>,
                                       _ range: Range<Int>, scalarFrom: Int, params p: UnsafePointer<Double>) {
        switch op {
        case .sigmoid: for i in range { y[i] = 1 / (1 + exp(-x[i])) }
        case .tanh: for i in range { y[i] = tanh(x[i]) }
        case .silu: for i in range { y[i] = x[i] / (1 + exp(-x[i])) }
        case .softplus: for i in range { let v = x[i]; y[i] = v * p[0] > p[1] ? v : log1p(exp(v * p[0])) / p[0] }
        case .elu: for i in range { let v = x[i]; y[i] = v <= 0 ? expm1(v * p[2]) * p[0] : v * p[1] }
        }
    }
    public static func activationBackwardRange(_ op: ActivationOp, grad a: UnsafePointer<Double>, saved s: UnsafePointer<Double>,
                                               _ y: UnsafeMutablePointer<Double>, _ range: Range<Int>, scalarFrom: Int,
                                               params p: UnsafePointer<Double>) {
        let fused = kernelCapability != .default
        switch op {
        case .sigmoid: for i in range { y[i] = a[i] * (1 - s[i]) * s[i] }
        case .tanh: for i in range { y[i] = a[i] * (fused ? (1 as Double).addingProduct(-s[i], s[i]) : 1 - s[i] * s[i]) }
        case .silu:
            for i in range {
                let sg = 1 / (1 + exp(-s[i]))
                y[i] = a[i] * sg * (fused ? (1 as Double).addingProduct(s[i], 1 - sg) : 1 + s[i] * (1 - sg))
            }
        case .softplus:
            for i in range { let z = exp(s[i] * p[0]); y[i] = s[i] * p[0] > p[1] ? a[i] : a[i] * z / (z + 1) }
        case .elu:
            for i in range { y[i] = s[i] <= 0 ? a[i] * p[2] * p[0] * exp(s[i] * p[2]) : a[i] * p[1] }
        }
    }
    public static func convTapsRange(_ taps: UnsafePointer<UnsafePointer<Double>>, _ w: UnsafePointer<Double>, count: Int,
                                     bias: Double, _ out: UnsafeMutablePointer<Double>, _ range: Range<Int>) {
        convTapsRangeSIMD(taps, w, count: count, bias: bias, out, range)
    }
}

/// `KernelFloat.convTapsRange` in Swift SIMD: columns 16 and 8 at a time, then one block of 8 ending at
/// the range's end that overlaps columns already done (recomputing them gives the same values).
@inlinable
func convTapsRangeSIMD<T: KernelFloat>(_ taps: UnsafePointer<UnsafePointer<T>>, _ w: UnsafePointer<T>, count: Int,
                                        bias: T, _ out: UnsafeMutablePointer<T>, _ range: Range<Int>) {
    let hi = range.upperBound
    var ow = range.lowerBound
    while ow + 16 <= hi {
        var a0 = SIMD8<T>(repeating: bias), a1 = a0
        for i in 0..<count {
            let wi = SIMD8<T>(repeating: w[i])
            let x = UnsafeRawPointer(taps[i] + ow)
            a0 += wi * x.loadUnaligned(as: SIMD8<T>.self)
            a1 += wi * x.loadUnaligned(fromByteOffset: 8 * MemoryLayout<T>.stride, as: SIMD8<T>.self)
        }
        UnsafeMutableRawPointer(out + ow).storeBytes(of: a0, as: SIMD8<T>.self)
        UnsafeMutableRawPointer(out + ow + 8).storeBytes(of: a1, as: SIMD8<T>.self)
        ow += 16
    }
    while ow < hi {
        if ow + 8 > hi { ow = hi - 8 }
        var a0 = SIMD8<T>(repeating: bias)
        for i in 0..<count {
            a0 += SIMD8<T>(repeating: w[i]) * UnsafeRawPointer(taps[i] + ow).loadUnaligned(as: SIMD8<T>.self)
        }
        UnsafeMutableRawPointer(out + ow).storeBytes(of: a0, as: SIMD8<T>.self)
        ow += 8
    }
}

/// Range of o in `0..<outCount` where `o * stride + off` lies in `0..<inCount`.
@inlinable @inline(__always)
func validRange(_ outCount: Int, _ stride: Int, _ off: Int, _ inCount: Int) -> (Int, Int) {
    let lo = off >= 0 ? 0 : (-off + stride - 1) / stride
    let top = inCount - 1 - off
    var hi = top < 0 ? 0 : top / stride + 1
    hi = min(hi, outCount)
    return (min(lo, hi), hi)
}

/// PyTorch's float32 `normal_fill_16_AVX2` (Box–Muller with the Cephes log/sincos of `avx_mathfun.h`)
/// over `blocks` consecutive blocks of 16 uniforms at `d`, bit for bit (shared/specs/RNG.md §4b).
/// Blocks are independent, so they are split over the kernel threads.
public func normalFill16Blocks(_ d: UnsafeMutablePointer<Float>, blocks: Int, mean: Float, std: Float) {
    parallelFor(count: blocks, minChunk: 4096) { r in
        nnsh_normal_fill16_f32(d + 16 * r.lowerBound, r.count, mean, std)
    }
}

/// OpenBLAS's kernel family, chosen once before the first GEMM. PyTorch's GEMMs are MKL's, and MKL
/// runs its AVX2 kernels on AMD processors, while OpenBLAS picks its AVX-512 ones (SkylakeX,
/// Cooperlake) on an AVX-512 Zen 4; their sums of products round differently in the last bit
/// (parity case `model_train_step`). So on AMD, unless `OPENBLAS_CORETYPE` says otherwise, OpenBLAS
/// is re-initialised with its Zen (AVX2) kernels, the ones that sum as MKL does there. Intel
/// processors keep OpenBLAS's own choice, as MKL uses AVX-512 on them.
@usableFromInline
let blasConfigured: Bool = {
    guard getenv("OPENBLAS_CORETYPE") == nil, isAMDProcessor,
          let name = openblas_get_corename().map({ String(cString: $0) }),
          ["skylakex", "cooperlake", "sapphirerapids"].contains(name.lowercased()),
          let quit = dlsym(nil, "gotoblas_dynamic_quit"), let initialise = dlsym(nil, "gotoblas_dynamic_init") else { return false }
    typealias Hook = @convention(c) () -> Void
    setenv("OPENBLAS_CORETYPE", "Zen", 1)
    unsafeBitCast(quit, to: Hook.self)()
    unsafeBitCast(initialise, to: Hook.self)()
    unsetenv("OPENBLAS_CORETYPE")
    return true
}()

/// The CPU's vendor string from CPUID leaf 0 is "AuthenticAMD" (read from /proc/cpuinfo).
private let isAMDProcessor: Bool = {
    guard let f = fopen("/proc/cpuinfo", "r") else { return false }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = String(cString: line)
        if s.hasPrefix("vendor_id") { return s.contains("AuthenticAMD") }
    }
    return false
}()

/// OpenBLAS starts its worker threads when the library is loaded, and an idle worker spins on
/// `sched_yield` for about 2^28 cycles before it sleeps: about 0.1 s of a second core at every start
/// of nnsh, whether or not the program multiplies a matrix (it was a tenth of the CPU time of a
/// one-second pure-Python script). They are let go at start-up; OpenBLAS starts them again at its
/// next threaded call (`exec_blas` re-creates the pool when it is gone, as after a fork).
public func releaseIdleBLASThreads() {
    guard let shutdown = dlsym(nil, "blas_thread_shutdown_") else { return }
    typealias Shutdown = @convention(c) () -> Int32
    _ = unsafeBitCast(shutdown, to: Shutdown.self)()
}

/// `torch.set_num_threads(n)`: the kernels' threads and OpenBLAS's.
public func setKernelThreadCount(_ n: Int) {
    kernelThreadCount = max(1, n)
    openblas_set_num_threads(Int32(clamping: kernelThreadCount))
}
