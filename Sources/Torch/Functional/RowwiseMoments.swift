import Kernels

/// ATen's `RowwiseMoments` (native/cpu/moments_utils.h): the mean and biased variance of one row
/// as LayerNorm's and GroupNorm's CPU kernels compute them. Welford updates over `lanes` columns,
/// 16 vectors per chunk. The chunks are merged through a binary-counter stack. The scalar tail is
/// its own Welford run. The lanes fold into it last. `fused`: the capability's vector `fmadd` and
/// GCC's contraction of AddMoments' `m1 += c * delta` and `m2_add + … * m0`. The tail's
/// `m2 += delta * (x - m1)` is not contracted. The default build fuses nothing, and its `fmadd`
/// rounds twice. Every CPU runs 32-byte vectors here: the kernels that use this have no AVX-512
/// registration, so an AVX-512 machine runs the AVX2 build.
struct RowwiseMoments<T: BinaryFloatingPoint> {
    let lanes: Int
    let fused: Bool

    /// Vectorized<T>::size() of the AVX2 and default builds (32 bytes).
    init(fused: Bool = kernelsFuseMultiplyAdd) {
        lanes = 32 / MemoryLayout<T>.size
        self.fused = fused
    }

    private func fmadd(_ a: T, _ b: T, _ c: T) -> T { fused ? c.addingProduct(a, b) : a * b + c }


    /// AddMomentsVec: merges (m0Add, m1Add, m2Add) into (m0, m1, m2), lane by lane.
    private func addVec(_ m0Add: Int, _ m1Add: [T], _ m2Add: [T], _ m0: inout Int, _ m1: inout [T], _ m2: inout [T]) {
        let n = m0 + m0Add
        let c: T = n == 0 ? 0 : T(m0Add) / T(n)
        for l in 0..<lanes {
            let delta = m1Add[l] - m1[l]
            let m2Tmp = m2[l] + m2Add[l]
            let cDelta = c * delta
            let m0Delta = delta * T(m0)
            m1[l] = m1[l] + cDelta
            m2[l] = fmadd(m0Delta, cDelta, m2Tmp)
        }
        m0 = n
    }

    /// AddMoments, the scalar merge.
    private func add(_ m0Add: Int, _ m1Add: T, _ m2Add: T, _ m0: inout Int, _ m1: inout T, _ m2: inout T) {
        let n = m0 + m0Add
        let c: T = n == 0 ? 0 : T(m0Add) / T(n)
        let delta = m1Add - m1
        m1 = fused ? m1.addingProduct(c, delta) : m1 + c * delta
        let t = delta * delta * c
        m2 = m2 + (fused ? m2Add.addingProduct(t, T(m0)) : m2Add + t * T(m0))
        m0 = n
    }

    func callAsFunction(_ x: UnsafePointer<T>, _ count: Int) -> (mean: T, variance: T) {
        let chunk = 16
        let n = count / lanes
        let m = (n + chunk - 1) / chunk
        var depth = 0
        while (1 << depth) < m { depth += 1 }   // utils::CeilLog2
        let levels = Swift.max(depth, 1)
        let zero = [T](repeating: 0, count: lanes)
        var m0s = [Int](repeating: 0, count: levels)
        var m1s = [[T]](repeating: zero, count: levels), m2s = m1s
        for i in 0..<m {
            let base = x + i * chunk * lanes
            let m0 = Swift.min(chunk, n - i * chunk)
            var m1v = zero, m2v = zero
            for j in 0..<m0 {
                let c = T(1) / T(j + 1)
                for l in 0..<lanes {
                    let v = base[j * lanes + l]
                    let delta = v - m1v[l]
                    m1v[l] = fmadd(c, delta, m1v[l])
                    m2v[l] = fmadd(delta, v - m1v[l], m2v[l])
                }
            }
            addVec(m0, m1v, m2v, &m0s[0], &m1s[0], &m2s[0])
            var mask = i + 1, j = 1
            while j < depth && mask & 1 == 0 {
                addVec(m0s[j - 1], m1s[j - 1], m2s[j - 1], &m0s[j], &m1s[j], &m2s[j])
                m0s[j - 1] = 0; m1s[j - 1] = zero; m2s[j - 1] = zero
                mask >>= 1; j += 1
            }
        }
        if depth > 1 { for i in 1..<depth { addVec(m0s[i], m1s[i], m2s[i], &m0s[0], &m1s[0], &m2s[0]) } }
        var m0 = 0, m1: T = 0, m2: T = 0
        for i in (n * lanes)..<count {
            let v = x[i]
            let delta = v - m1
            m0 += 1
            m1 += delta / T(m0)
            m2 = m2 + delta * (v - m1)   // not contracted in PyTorch's build (measured)
        }
        for l in 0..<lanes { add(n, m1s[0][l], m2s[0][l], &m0, &m1, &m2) }
        return (m1, m2 / T(count))
    }
}
