/// The modules nnsh provides itself, in one table that `import` and completion read, so a module
/// exists for both or for neither. A module is made on first import, once per
/// interpreter: Swift-written ones by their maker, library ones by running their Python source
/// (Library/*.swift) as the module.
enum BuiltinModuleSource {
    case swift((Interpreter) -> Value?)
    case python(String)
}

extension Interpreter {
    nonisolated(unsafe) static let builtinModules: [String: BuiltinModuleSource] = [
        "math": .swift { .namespace($0.mathNamespace) },
        "os": .swift { .namespace($0.makeOSModule()) },
        "os.path": .swift { i in
            guard case .namespace(let os)? = i.builtinModule(named: "os") else { return nil }
            return os.members["path"]
        },
        "sys": .swift { .namespace($0.makeSysModule()) },
        "gc": .swift { .namespace($0.makeGCModule()) },
        "importlib": .swift { .namespace($0.makeImportlibModule()) },
        "__future__": .swift { .namespace($0.makeFutureModule()) },
        "_random": .swift { .namespace($0.makeRandomCoreModule()) },
        "random": .python(RandomLibrary.source),
        "_collections": .swift { .namespace($0.makeCollectionsModule()) },
        "collections": .python(CollectionsLibrary.source),
        "functools": .python(FunctoolsLibrary.source),
        "itertools": .python(ItertoolsLibrary.source),
        "operator": .python(OperatorLibrary.source),
        "string": .python(StringLibrary.source),
        "contextlib": .python(ContextlibLibrary.source),
        "types": .python(TypesLibrary.source),
        "typing": .python(TypingLibrary.source),
        "copy": .python(CopyLibrary.source),
        "heapq": .python(HeapqLibrary.source),
        "_shutil": .swift { .namespace($0.makeShutilCoreModule()) },
        "shutil": .python(ShutilLibrary.source),
        "bisect": .python(BisectLibrary.source),
        "_time": .swift { .namespace($0.makeTimeCoreModule()) },
        "time": .python(TimeLibrary.source),
        "timeit": .python(TimeitLibrary.source),
        "_platform": .swift { .namespace($0.makePlatformCoreModule()) },
        "platform": .python(PlatformLibrary.source),
        "_oswalk": .python(OSWalkLibrary.source),
        "_osstat": .python(OSStatLibrary.source),
        "_json": .swift { .namespace($0.makeJSONCoreModule()) },
        "json": .python(JSONLibrary.source),
        "_warnings": .swift { .namespace($0.makeWarningsCoreModule()) },
        "warnings": .python(WarningsLibrary.source),
        "datetime": .python(DatetimeLibrary.source),
        "argparse": .python(ArgparseLibrary.source),
        "abc": .python(AbcLibrary.source),
        "dataclasses": .python(DataclassesLibrary.source),
        "fnmatch": .python(FnmatchLibrary.source),
        "glob": .python(GlobLibrary.source),
        "pathlib": .python(PathlibLibrary.source),
        "_sre": .swift { .namespace($0.makeSreModule()) },
        "re": .python(ReLibrary.source),
        "enum": .python(EnumLibrary.source),
        "_traceback": .swift { .namespace($0.makeTracebackCoreModule()) },
        "traceback": .python(TracebackLibrary.source),
        "logging": .python(LoggingLibrary.source),
        "tempfile": .python(TempfileLibrary.source),
        "_io": .swift { .namespace($0.makeIOCoreModule()) },
        "io": .python(IOLibrary.source),
        "_psutil": .swift { .namespace($0.makePsutilCoreModule()) },
        "psutil": .python(PsutilLibrary.source),
        "numpy": .swift { .namespace(NumPyModule.make($0)) },
        "_numpy_extras": .python(NumPyLibrary.source),
        "IPython": .swift { i in i.builtinModule(named: "IPython.display").map { .namespace(Namespace("IPython", ["display": $0])) } },
        "IPython.display": .swift { .namespace($0.makeIPythonDisplayModule()) },
        "numpy.random": .swift { i in
            guard case .namespace(let np)? = i.builtinModule(named: "numpy") else { return nil }
            return np.members["random"]
        },
        "PIL": .swift { i in i.builtinModule(named: "PIL.Image").map { .namespace(Namespace("PIL", ["Image": $0])) } },
        "PIL.Image": .swift { .namespace($0.makeImageModule()) },
        "matplotlib": .swift { .namespace($0.makeMatplotlibModule()) },
        "matplotlib.pyplot": .swift { .namespace($0.makePyplotModule()) },
        "matplotlib.cm": .swift { .namespace($0.makeColormapModule()) },
        "torchvision": .swift { i in
            var members: [String: Value] = ["__version__": .str("0.29.2")]
            for sub in ["transforms", "utils", "models"] { members[sub] = i.builtinModule(named: "torchvision." + sub) }
            return .namespace(Namespace("torchvision", members))
        },
        "torchvision.models": .python(TorchvisionModels.source),
        "torchvision.transforms": .swift { .namespace($0.makeTransformsModule()) },
        "torchvision.utils": .swift { .namespace($0.makeVisionUtilsModule()) },
    ]

    /// The module nnsh provides under `name` (`torch` and its submodules included), made on first use.
    func builtinModule(named name: String) -> Value? {
        if let m = imports.builtinCache[name] { return m }
        guard case .namespace(let torch)? = builtinsStorage["__torch__"] else { return nil }
        let made: Value?
        switch Interpreter.builtinModules[name] {
        case .swift(let make)?:
            made = make(self)
        case .python(let source)?:
            // Library code: an error in it is nnsh's bug, so it surfaces rather than hiding the module.
            let file = "<nnsh \(name.split(separator: ".").joined(separator: "/")).py>"
            do { made = .namespace(try loadPythonModule(name: name, file: file, source: source)) } catch {
                made = nil
                Interpreter.libraryLoadErrors.append("\(name): \(error)")
            }
        case nil:
            // `torch`, `torch.nn`, `torch.nn.functional`…: the torch namespace's own tree.
            let parts = name.split(separator: ".").map(String.init)
            guard parts.first == "torch" else { return nil }
            var current: Value = .namespace(torch)
            for p in parts.dropFirst() {
                guard case .namespace(let ns) = current, let next = try? ns.member(p), case .namespace = next else { return nil }
                current = next
            }
            return current
        }
        if let made { imports.builtinCache[name] = made }
        return made
    }
}
