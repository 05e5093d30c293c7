/// numpy's `pairwise_sum` (numpy/_core/src/umath/loops_utils.h.src), the inner loop of
/// `np.add.reduce` along a reduced axis: below 8 items one by one, up to 128 in eight interleaved
/// partial sums folded as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and then the rest, above that
/// split in two halves at a multiple of 8. Summing in `T` (float32 arrays sum in float32).
public enum PairwiseSum {
    static let blockSize = 128

    public static func sum<T: BinaryFloatingPoint>(_ a: UnsafePointer<T>, count n: Int, stride: Int) -> T {
        if n < 8 {
            var res: T = 0
            for i in 0..<n { res += a[i * stride] }
            // numpy starts from -0.0's opposite only through the addition: 0 + -0.0 is 0.0.
            return res
        }
        if n <= blockSize {
            var r = (0..<8).map { a[$0 * stride] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[(i + j) * stride] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { res += a[i * stride]; i += 1 }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return sum(a, count: n2, stride: stride) + sum(a + n2 * stride, count: n - n2, stride: stride)
    }
}
