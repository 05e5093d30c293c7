import Crypto

/// MT19937 as CPython's `_random.Random` keeps it (Modules/_randommodule.c): 624 words of state
/// and a position, seeded through `init_by_array` with the seed's 32-bit words, least significant
/// first. Every draw is bit for bit CPython's, so `random.seed(1); random.random()` prints the
/// same digits in nnsh and in Python.
public struct MersenneTwister: Sendable {
    public static let stateSize = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    public private(set) var state: [UInt32]
    /// Position of the next word to temper; `stateSize` means the block must be regenerated.
    public private(set) var index: Int

    /// A generator seeded with `key` (the seed's 32-bit words, least significant first).
    public init(key: [UInt32]) {
        state = [UInt32](repeating: 0, count: Self.stateSize)
        index = Self.stateSize
        seed(key: key)
    }

    /// `init_genrand(19650218)` then `init_by_array(key)`.
    public mutating func seed(key: [UInt32]) {
        let n = Self.stateSize
        let key = key.isEmpty ? [0] : key
        state[0] = 19_650_218
        for i in 1..<n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(truncatingIfNeeded: i)
        }
        var i = 1, j = 0
        for _ in 0..<Swift.max(n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = n
    }

    /// `init_genrand(seed)` alone (numpy's `mt19937_seed`, what `np.random.seed(int)` does):
    /// unlike CPython, no `init_by_array` step and the first word kept as generated.
    public init(genrandSeed seed: UInt32) {
        state = [UInt32](repeating: 0, count: Self.stateSize)
        var s = seed
        for pos in 0..<Self.stateSize {
            state[pos] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(truncatingIfNeeded: pos + 1)
        }
        index = Self.stateSize
    }

    /// numpy's `init_by_array` seeding (`np.random.seed([1, 2, 3])`): CPython's, which is the
    /// reference algorithm.
    public init(byArray key: [UInt32]) { self.init(key: key) }

    /// The next tempered 32-bit word (`genrand_uint32`).
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.m
        for k in 0..<n {
            let y = (state[k] & Self.upperMask) | (state[(k + 1) % n] & Self.lowerMask)
            state[k] = state[(k + m) % n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
        }
        index = 0
    }

    /// `random()`: 53 random bits as a double in [0, 1).
    public mutating func nextDouble() -> Double {
        let a = next() >> 5, b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 ≤ k ≤ 64: the words drawn least significant first, the last one
    /// keeping its top bits (as CPython fills a big integer's digits).
    public mutating func bits(_ k: Int) -> UInt64 {
        precondition(k >= 0 && k <= 64, "bits(_:) takes 0...64; callers check")
        if k == 0 { return 0 }
        if k <= 32 { return UInt64(next() >> (32 - k)) }
        let low = UInt64(next())
        let high = UInt64(next() >> (64 - k))
        return low | (high << 32)
    }

    /// `getstate()`'s words: the 624 state words and the position.
    public var snapshot: [Int] { state.map { Int($0) } + [index] }

    /// `setstate()`: refuses what CPython refuses (its messages).
    public mutating func restore(words: [Int]) throws(StateError) {
        guard words.count == Self.stateSize + 1 else { throw .wrongSize }
        var next = [UInt32](repeating: 0, count: Self.stateSize)
        for i in 0..<Self.stateSize {
            guard words[i] >= 0, words[i] <= Int(UInt32.max) else { throw .wordOutOfRange }
            next[i] = UInt32(words[i])
        }
        let position = words[Self.stateSize]
        guard position >= 0, position <= Self.stateSize else { throw .invalidPosition }
        state = next
        index = position
    }

    public enum StateError: Error, Sendable {
        case wrongSize, wordOutOfRange, invalidPosition
        /// CPython's wording for each.
        public var message: String {
            switch self {
            case .wrongSize: return "state vector is the wrong size"
            case .wordOutOfRange: return "Python int too large to convert to C unsigned long"
            case .invalidPosition: return "invalid state"
            }
        }
    }
}

/// How CPython turns a `random.seed` argument into `init_by_array`'s key.
public enum RandomSeed {
    /// An int seed: its absolute value's 32-bit words, least significant first (`[0]` for 0).
    public static func key(_ n: Int) -> [UInt32] {
        key(magnitude: n.magnitude)
    }

    public static func key(magnitude m: UInt) -> [UInt32] {
        let low = UInt32(truncatingIfNeeded: m), high = UInt32(truncatingIfNeeded: m >> 32)
        return high == 0 ? [low] : [low, high]
    }

    /// A str/bytes seed (version 2): `int.from_bytes(b + sha512(b).digest(), 'big')`'s words.
    public static func key(bytes: [UInt8]) -> [UInt32] {
        let whole = bytes + Array(SHA512.hash(data: bytes))
        // Big-endian bytes → little-endian 32-bit words; leading zero bytes do not make words.
        var words: [UInt32] = []
        var end = whole.count
        while end > 0 {
            let start = Swift.max(0, end - 4)
            var w: UInt32 = 0
            for b in whole[start..<end] { w = (w << 8) | UInt32(b) }
            words.append(w)
            end = start
        }
        while words.count > 1, words.last == 0 { words.removeLast() }
        return words
    }

    /// A float seed: `hash(x)` taken as an unsigned machine word.
    public static func key(double x: Double) -> [UInt32] {
        key(magnitude: UInt(bitPattern: PythonHash.double(x)))
    }
}
