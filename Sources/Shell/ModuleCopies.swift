import NN
import Torch

/// `copy.deepcopy(model)` (docs/object-model.md, "nn.Module"). PyTorch deep-copies a module's
/// `__dict__`: its parameter, buffer and child tables, its hook tables and its plain attributes,
/// through one memo (tied weights stay tied, a shared child stays shared). Here the copy library's
/// Python does the walk with its memo, and three natives make the module itself: an empty module
/// of the same class and configuration, the parts to copy, and the filling in.
extension Interpreter {
    /// A layer made by its class's constructor, remembering how (for copies).
    static func construct(_ make: @escaping (Arguments) throws -> Module, _ args: Arguments) throws -> Module {
        let m = try make(args)
        switch m {
        case is Sequential, is ModuleList, is ModuleDict, is ParameterContainer:
            break  // rebuilt empty: their arguments are the children, which the copy brings itself
        default:
            m.rebuild = { try make(args) }
        }
        return m
    }

    func installModuleCopying(_ nn: Namespace) {
        nn.members["_nnsh_module_shell"] = .builtin(Builtin("_nnsh_module_shell") { [unowned self] args in
            guard args.positional.count == 1, case .module(let m) = args.positional[0] else { throw PythonError.type("_nnsh_module_shell(module)") }
            return .module(try self.emptyCopy(of: m))
        })
        nn.members["_nnsh_module_parts"] = .builtin(Builtin("_nnsh_module_parts") { args in
            guard args.positional.count == 1, case .module(let m) = args.positional[0] else { throw PythonError.type("_nnsh_module_parts(module)") }
            let parameters = m.parameterNames.map { n in Value.tuple([.str(n), m.parameter(n).map { .tensor($0) } ?? .none]) }
            let buffers = m.bufferNames.map { n in
                Value.tuple([.str(n), m.buffer(n).map { .tensor($0) } ?? .none, .bool(!m.transientBuffers.contains(n))])
            }
            let children = m.childNames.map { n in Value.tuple([.str(n), m.child(n).map { .module($0) } ?? .none]) }
            let attributes = (m.host as? ModuleState)?.attributes ?? PyDict()
            return .tuple([.list(PyList(parameters)), .list(PyList(buffers)), .list(PyList(children)), .dict(attributes)])
        })
        nn.members["_nnsh_module_fill"] = .builtin(Builtin("_nnsh_module_fill") { [unowned self] args in
            guard args.positional.count == 5, case .module(let m) = args.positional[0], case .dict(let attributes) = args.positional[4] else {
                throw PythonError.type("_nnsh_module_fill(module, parameters, buffers, children, attributes)")
            }
            for item in try self.iterate(args.positional[1]) {
                let (n, v) = try self.pair(item)
                guard case .tensor(let t) = v else { m.registerParameter(n, nil); continue }
                m.registerParameter(n, t)
            }
            for item in try self.iterate(args.positional[2]) {
                let parts = try self.iterate(item)
                guard parts.count == 3, case .str(let n) = parts[0] else { throw PythonError.type("buffers are (name, tensor, persistent)") }
                let t: Tensor?
                if case .tensor(let x) = parts[1] { t = x } else { t = nil }
                m.registerBuffer(n, t, persistent: try self.truthy(parts[2]))
            }
            for item in try self.iterate(args.positional[3]) {
                let (n, v) = try self.pair(item)
                guard case .module(let c) = v else { m.registerModule(n, nil); continue }
                m.registerModule(n, c)
            }
            let dict = self.moduleState(m).attributes
            for (k, v) in zip(attributes.keys, attributes.values) { dict.set(k, v) }
            return .none
        })
    }

    private func pair(_ item: Value) throws -> (String, Value) {
        let parts = try iterate(item)
        guard parts.count == 2, case .str(let n) = parts[0] else { throw PythonError.type("expected (name, value) pairs") }
        return (n, parts[1])
    }

    /// A module of `m`'s class and configuration with no members yet; its training flag, its
    /// `nn.Module.__init__` state and its hooks (the functions shared, as a deep copy of PyTorch's
    /// hook dicts leaves them) are `m`'s.
    func emptyCopy(of m: Module) throws -> Module {
        let copy: Module
        if let p = m as? PythonModule {
            let c = PythonModule(type: p.type, interpreter: self)
            if let layer = p.layer { c.adopt(try emptyLayer(like: layer)) }
            c.initialized = p.initialized
            copy = c
        } else {
            copy = try emptyLayer(like: m)
        }
        copy.removeAllMembers()
        copy.training = m.training
        if let s = m.host as? ModuleState {
            let t = moduleState(copy)
            t.forwardPreHooks = s.forwardPreHooks
            t.forwardHooks = s.forwardHooks
            t.backwardHooks = s.backwardHooks
            t.backwardPreHooks = s.backwardPreHooks
            t.usesFullBackwardHooks = s.usesFullBackwardHooks
        }
        return copy
    }

    private func emptyLayer(like m: Module) throws -> Module {
        switch m {
        case is Sequential: return Sequential([])
        case is ModuleList: return ModuleList([])
        case is ModuleDict: return ModuleDict([])
        case let p as ParameterContainer: return ParameterContainer(keyed: p.keyed)
        default:
            if type(of: m) == Module.self { return Module(typeName: m.typeName) }
            guard let rebuild = m.rebuild else {
                throw PythonError.type("nnsh cannot copy this \(m.typeName): it was not made by its class's constructor (from_pretrained and the like); copy its state_dict() into a new one")
            }
            // The constructor draws the layer's initial weights; a copy must leave the generator as it was.
            let saved = Generator.defaultGenerator.stateBytes()
            defer { try? Generator.defaultGenerator.setState(saved) }
            return try GradMode.withoutGrad { try rebuild() }
        }
    }
}
