import NN
import Torch

/// Where the shell meets the layer library: calling, printing and inspecting `nn.Module`s.
/// (Placeholder definitions until the layer library lands.)
func moduleRepr(_ m: Module) -> String { "Module()" }
func moduleTypeName(_ m: Module) -> String { "Module" }
func moduleFileName(_ m: Module) -> String { "module" }

extension Interpreter {
    func makeNNNamespaces() -> [String: Value] {
        let nn = Namespace("torch.nn")
        nn.members["functional"] = .namespace(Namespace("torch.nn.functional"))
        nn.members["init"] = .namespace(Namespace("torch.nn.init"))
        return ["nn": .namespace(nn)]
    }
    func callModule(_ m: Module, _ args: Arguments) throws -> Value { throw PythonError.runtime("modules are not available yet") }
    func moduleIterate(_ m: Module) throws -> [Value] { [] }
    func moduleGetItem(_ m: Module, _ index: Value) throws -> Value { throw PythonError.type("'Module' object is not subscriptable") }
    func moduleAttribute(_ m: Module, _ name: String) throws -> Value? { nil }
    func setModuleAttribute(_ m: Module, _ name: String, _ value: Value) throws {}
    func moduleMemberNames(_ m: Module) -> [String] { [] }
    func softmaxBinding(_ x: Tensor, dim: Int, log: Bool) throws -> Tensor { throw PythonError.runtime("softmax is not available yet") }
    func extraModule(_ name: String) -> Value? { nil }
}
