#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PyTorch's `CPUGeneratorImpl`: an mt19937 engine (`MT19937RNGEngine.h`) plus the cached second
/// half of a double Box–Muller pair (`next_double_normal_sample`). Spec: shared/specs/RNG.md §1–2.
public final class Generator {
    /// `c10::default_rng_seed_val`: the seed of a fresh `torch.Generator()`.
    public static let defaultRngSeedVal: UInt64 = 67280421310721

    /// The process-wide generator behind `torch.manual_seed`, `torch.rand`, … Seeded at startup
    /// from /dev/urandom (falling back to the clock) like PyTorch's `getDefaultCPUGenerator`.
    nonisolated(unsafe) public static var defaultGenerator = Generator(seed: nondeterministicSeed())

    /// `initial_seed()`: the full 64-bit seed (negative seeds wrapped by two's complement).
    public private(set) var initialSeed: UInt64 = 0
    /// The cached N(0,1) sine half of the last scalar Box–Muller pair; cleared by seeding.
    public var nextDoubleNormalSample: Double?
    /// `next_float_normal_sample`: kept for completeness; the CPU kernels never use it.
    public var nextFloatNormalSample: Float?

    private var state = [UInt32](repeating: 0, count: 624)
    private var left = 1
    private var nextIndex = 0

    public init(seed: UInt64 = Generator.defaultRngSeedVal) {
        manualSeed(seed)
    }

    /// `set_current_seed`: only `seed mod 2^32` seeds the engine; both normal caches are cleared.
    public func manualSeed(_ seed: UInt64) {
        initialSeed = seed
        nextDoubleNormalSample = nil
        nextFloatNormalSample = nil
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<624 {
            let prev = state[j - 1]
            state[j] = 1812433253 &* (prev ^ (prev >> 30)) &+ UInt32(j)
        }
        left = 1
        nextIndex = 0
    }

    /// A signed seed: negative values wrap to `seed + 2^64` as `torch.manual_seed` does.
    public func manualSeed(_ seed: Int64) { manualSeed(UInt64(bitPattern: seed)) }
    public func manualSeed(_ seed: Int) { manualSeed(UInt64(bitPattern: Int64(seed))) }

    /// `seed()`: reseed nondeterministically and return the new seed.
    @discardableResult
    public func seed() -> UInt64 {
        let s = Generator.nondeterministicSeed()
        manualSeed(s)
        return s
    }

    private func twist() {
        state.withUnsafeMutableBufferPointer { s in
            let s = s.baseAddress!
            @inline(__always) func step(_ i: Int, _ i1: Int, _ im: Int) {
                let y = (s[i] & 0x8000_0000) | (s[i1] & 0x7FFF_FFFF)
                s[i] = s[im] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_B0DF : 0)
            }
            for i in 0..<227 { step(i, i + 1, i + 397) }
            for i in 227..<623 { step(i, i + 1, i - 227) }
            step(623, 0, 396)
        }
        left = 624
        nextIndex = 0
    }

    /// One tempered 32-bit mt19937 word.
    @inline(__always)
    public func random() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = state[nextIndex]
        nextIndex += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Two draws, the first in the high half.
    @inline(__always)
    public func random64() -> UInt64 {
        let hi = UInt64(random())
        return (hi << 32) | UInt64(random())
    }

    /// `d[i] = u24()` for i in 0..<n: the same draws as n calls, taken from the state a block at a time.
    func fillU24(_ d: UnsafeMutablePointer<Float>, _ n: Int) {
        var i = 0
        while i < n {
            if left == 1 {
                twist()
                left = 625  // the draw that found left == 1 has not been counted yet
            }
            let k = min(left - 1, n - i)
            let start = nextIndex
            state.withUnsafeBufferPointer { s in
                let src = s.baseAddress! + start
                let dst = d + i
                for j in 0..<k {
                    var y = src[j]
                    y ^= y >> 11
                    y ^= (y << 7) & 0x9D2C_5680
                    y ^= (y << 15) & 0xEFC6_0000
                    y ^= y >> 18
                    dst[j] = Float(y & 0xFF_FFFF) * 0x1p-24
                }
            }
            nextIndex += k
            left -= k
            i += k
        }
    }

    /// `U24`: the low 24 bits of one draw over 2^24, as float32 (exact).
    @inline(__always)
    func u24() -> Float { Float(random() & 0xFF_FFFF) * 0x1p-24 }

    /// `U53`: the low 53 bits of a 64-bit draw over 2^53, as double (exact).
    @inline(__always)
    func u53() -> Double { Double(random64() & ((1 << 53) - 1)) * 0x1p-53 }

    /// `at::normal_distribution<double>` (scalar path): Box–Muller in double, caching the sine half.
    func normalDouble(mean: Double, std: Double) -> Double {
        if let cached = nextDoubleNormalSample {
            nextDoubleNormalSample = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = u53()
        let u2 = u53()
        let r = (-2.0 * log1p(-u2)).squareRoot()
        let theta = (2.0 * Double.pi) * u1
        nextDoubleNormalSample = r * sin(theta)
        return mean.addingProduct(r * cos(theta), std)
    }

    /// `sizeof(CPUGeneratorImplState)`: the byte length of `get_state()`.
    public static let stateByteCount = 5056

    /// `get_state()`: the bytes of PyTorch's `CPUGeneratorImplState` (x86-64 layout) — seed (u64), left (i32),
    /// seeded (i32), next (u64), the 624 words widened to u64, the legacy double-normal fields (only
    /// `normal_y`/`normal_is_valid` used), then the float-normal cache and its flag — so states move between
    /// nnsh and PyTorch.
    public func stateBytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Generator.stateByteCount)
        func put<T: FixedWidthInteger>(_ v: T, at o: Int) {
            withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { bytes[o + i] = b } }
        }
        put(initialSeed, at: 0)
        put(Int32(left), at: 8)
        put(Int32(1), at: 12)
        put(UInt64(nextIndex), at: 16)
        for (i, w) in state.enumerated() { put(UInt64(w), at: 24 + 8 * i) }
        if let y = nextDoubleNormalSample { put(y.bitPattern, at: 5024); put(Int32(1), at: 5040) }
        if let f = nextFloatNormalSample { put(f.bitPattern, at: 5048); bytes[5052] = 1 }
        return bytes
    }

    /// `set_state(bytes)`, with `CPUGeneratorImpl::set_state`'s checks. A state whose `next` and `left`
    /// would read past the 624 words before the next twist is refused too (PyTorch reads out of bounds).
    public func setState(_ bytes: [UInt8]) throws {
        guard bytes.count == Generator.stateByteCount else {
            throw TorchError.runtime("Expected a CPUGeneratorImplState of size \(Generator.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_: T.Type, at o: Int) -> T {
            var v = T.zero
            for i in 0..<MemoryLayout<T>.size { v |= T(truncatingIfNeeded: bytes[o + i]) << (8 * i) }
            return v
        }
        let seed = get(UInt64.self, at: 0)
        let newLeft = Int(get(Int32.self, at: 8)), seeded = get(Int32.self, at: 12) != 0
        let newNext = Int(UInt32(truncatingIfNeeded: get(UInt64.self, at: 16)))
        guard seeded, newLeft > 0, newLeft <= 624, newNext <= 624, newNext + newLeft - 1 <= 624 else {
            throw TorchError.runtime("Invalid mt19937 state")
        }
        initialSeed = seed
        left = newLeft
        nextIndex = newNext
        for i in 0..<624 { state[i] = UInt32(truncatingIfNeeded: get(UInt64.self, at: 24 + 8 * i)) }
        nextDoubleNormalSample = get(Int32.self, at: 5040) != 0 ? Double(bitPattern: get(UInt64.self, at: 5024)) : nil
        nextFloatNormalSample = bytes[5052] != 0 ? Float(bitPattern: get(UInt32.self, at: 5048)) : nil
    }

    /// `clone_state` for `torch.random.fork_rng` and `Generator.clone_state()`: a copy with the same stream.
    public func copy() -> Generator {
        let g = Generator()
        g.initialSeed = initialSeed
        g.state = state
        g.left = left
        g.nextIndex = nextIndex
        g.nextDoubleNormalSample = nextDoubleNormalSample
        g.nextFloatNormalSample = nextFloatNormalSample
        return g
    }

    /// 64 bits from /dev/urandom, or the clock if that fails (`getNonDeterministicRandom`).
    static func nondeterministicSeed() -> UInt64 {
        var value: UInt64 = 0
        if let f = fopen("/dev/urandom", "rb") {
            let n = fread(&value, 8, 1, f)
            fclose(f)
            if n == 1 { return value }
        }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(bitPattern: Int64(ts.tv_sec)) &* 1_000_000_007 &+ UInt64(bitPattern: Int64(ts.tv_nsec))
    }
}

/// `torch.manual_seed(s)`: seeds the default generator and returns it.
@discardableResult
public func manualSeed(_ seed: Int64) -> Generator {
    Generator.defaultGenerator.manualSeed(seed)
    return Generator.defaultGenerator
}

/// `torch.initial_seed()`.
public func initialSeed() -> UInt64 { Generator.defaultGenerator.initialSeed }
