/// `out=` as ATen writes it (`resize_output`, then the copy): the result's dtype must cast to the
/// out tensor's (`result type Float can't be cast to the desired output type Long`), autograd does
/// not go through it, and an out tensor of another shape is given new storage of the result's shape.
extension Tensor {
    /// Writes `result` into this tensor; true when it had elements and another shape (PyTorch warns).
    @discardableResult
    public func receiveOut(_ result: Tensor, function: String) throws -> Bool {
        if GradMode.isEnabled && (result.requiresGrad || requiresGrad) {
            throw TorchError.runtime("\(function)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        if !Tensor.canCast(from: result.dtype, to: dtype) {
            throw TorchError.runtime("result type \(result.dtype.cppName) can't be cast to the desired output type \(dtype.cppName)")
        }
        var resizedWithElements = false
        if shape != result.shape {
            resizedWithElements = numel != 0
            let fresh = try Tensor.uninitialized(result.shape, dtype: dtype)
            storage = fresh.storage
            shape = fresh.shape
            strides = fresh.strides
            offset = 0
        }
        try copyValues(from: result)
        return resizedWithElements
    }

    /// `torch.can_cast` as out= checks it: no floating result into an integral or bool tensor, no
    /// integral result into bool.
    static func canCast(from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if from.isIntegral && to == .bool { return false }
        return true
    }
}
