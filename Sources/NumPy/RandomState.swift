import Foundation
import Stdlib

/// numpy's legacy `RandomState` (numpy/random/mtrand.pyx over MT19937 and
/// src/legacy/legacy-distributions.c), bit for bit: the same seeds give the same draws.
public struct RandomState: Sendable {
    var mt: MersenneTwister
    /// legacy_gauss's cached second value.
    var gauss: Double?

    /// `RandomState(seed)` / `np.random.seed(seed)` for an integer in [0, 2**32).
    public init(seed: UInt32) {
        mt = MersenneTwister(genrandSeed: seed)
        gauss = nil
    }

    /// `np.random.seed([a, b, …])`.
    public init(key: [UInt32]) {
        mt = MersenneTwister(byArray: key)
        gauss = nil
    }

    public mutating func nextUInt32() -> UInt32 { mt.next() }

    public mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(mt.next())
        return (hi << 32) | UInt64(mt.next())
    }

    /// `random_sample`: 53-bit doubles in [0, 1).
    public mutating func nextDouble() -> Double {
        let a = mt.next() >> 5, b = mt.next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }

    /// `legacy_gauss`: the polar method, keeping the second value for the next call.
    public mutating func gaussian() -> Double {
        if let g = gauss { gauss = nil; return g }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * nextDouble() - 1.0
            x2 = 2.0 * nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * Foundation.log(r2) / r2).squareRoot()
        gauss = f * x1
        return f * x2
    }

    /// Smallest all-ones mask ≥ `v`.
    static func mask(_ v: UInt64) -> UInt64 {
        var m = v
        m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32
        return m
    }

    /// `random_bounded_uint64(off, rng, mask, use_masked=True)`: `off + v` with v uniform in
    /// [0, rng], by masked rejection on 32-bit draws when the range fits them.
    public mutating func bounded(offset: Int64, range rng: UInt64) -> Int64 {
        if rng == 0 { return offset }
        let m = Self.mask(rng)
        var v: UInt64
        if rng <= 0xFFFF_FFFF {
            if rng == 0xFFFF_FFFF { return offset &+ Int64(nextUInt32()) }
            repeat { v = UInt64(nextUInt32()) & m } while v > rng
        } else if rng == UInt64.max {
            return offset &+ Int64(bitPattern: nextUInt64())
        } else {
            repeat { v = nextUInt64() & m } while v > rng
        }
        return offset &+ Int64(bitPattern: v)
    }

    /// `random_interval(max)`: uniform in [0, max] (shuffle's and permutation's draws).
    public mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let m = Self.mask(max)
        var v: UInt64
        if max <= 0xFFFF_FFFF {
            repeat { v = UInt64(nextUInt32()) & m } while v > max
        } else {
            repeat { v = nextUInt64() & m } while v > max
        }
        return v
    }

    /// `shuffle` of `n` items: the Fisher–Yates swaps it makes, last position first.
    public mutating func shuffleSwaps(_ n: Int) -> [(Int, Int)] {
        guard n > 1 else { return [] }
        var swaps = [(Int, Int)]()
        swaps.reserveCapacity(n - 1)
        for i in stride(from: n - 1, through: 1, by: -1) {
            swaps.append((i, Int(interval(UInt64(i)))))
        }
        return swaps
    }

    /// `get_state()`'s key words and position.
    public var state: (key: [UInt32], position: Int, gauss: Double?) { (mt.state, mt.index, gauss) }
}
