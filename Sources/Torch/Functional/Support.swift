import Kernels

/// Shared helpers for the functional ops: dtype dispatch onto Kernels, pointer access, size text.
typealias KFloat = KernelFloat & FloatElement

@inline(__always)
func ptr<T: Element>(_ t: Tensor, _: T.Type) -> UnsafeMutablePointer<T> { t.storage.pointer(T.self) + t.offset }

/// `[1, 3, 3, 3]`
func listText(_ a: [Int]) -> String { "[" + a.map(String.init).joined(separator: ", ") + "]" }
/// `(2 x 2)`
func xText(_ a: [Int], _ sep: String = " x ") -> String { "(" + a.map(String.init).joined(separator: sep) + ")" }

/// Expands `[v]` to `n` copies; a list of another length than 1 or `n` is an error.
func expandParam(_ name: String, _ v: [Int], _ n: Int) throws -> [Int] {
    if v.count == n { return v }
    if v.count == 1 { return Array(repeating: v[0], count: n) }
    throw TorchError.runtime("expected \(name) to be a single integer value or a list of \(n) values to match the convolution dimensions, but got \(name)=\(listText(v))")
}

/// Pads a 1-3 element spatial list to the kernels' 3-d triple (leading 1s / 0s).
func triple(_ v: [Int], fill: Int) -> (Int, Int, Int) {
    let p = Array(repeating: fill, count: 3 - v.count) + v
    return (p[0], p[1], p[2])
}

func checkedMul(_ a: Int, _ b: Int) throws -> Int {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    if o { throw TorchError.runtime("integer overflow in output size computation") }
    return r
}
func checkedSub(_ a: Int, _ b: Int) throws -> Int {
    let (r, o) = a.subtractingReportingOverflow(b)
    if o { throw TorchError.runtime("integer overflow in output size computation") }
    return r
}
func checkedAdd(_ a: Int, _ b: Int) throws -> Int {
    let (r, o) = a.addingReportingOverflow(b)
    if o { throw TorchError.runtime("integer overflow in output size computation") }
    return r
}

extension Tensor {
    /// A contiguous tensor of `dtype` holding this tensor's values (no autograd).
    func dense(_ dtype: DType? = nil) throws -> Tensor {
        try GradMode.withoutGrad {
            let t = try to(dtype ?? self.dtype)
            return try t.contiguous()
        }
    }

    /// Marks an internally built result as a fresh value (no view bookkeeping).
    func detachedResult() -> Tensor { base = nil; gradFn = nil; return self }
}
