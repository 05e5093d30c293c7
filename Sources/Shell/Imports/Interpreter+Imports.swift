import Foundation
import Syntax
import Torch

/// The import statement as CPython 3.11 runs it (importlib._bootstrap): `sys.modules` first,
/// parents before children, a package's `__path__` for its submodules, `sys.path` for top-level
/// names, nnsh's own modules after the path (so a local `random.py` shadows `random`, as it does
/// in CPython), and CPython's error messages word for word.
extension Interpreter {
    // MARK: statements

    /// `import a.b.c` binds `a`; `import a.b.c as d` binds the module `a.b.c`.
    func importStatement(_ n: ImportName, _ scope: Scope) throws {
        let module = try importModule(absolute: n.name, at: n.location)
        if let alias = n.alias {
            scope[alias] = module
        } else {
            let top = String(n.name.split(separator: ".").first ?? Substring(n.name))
            scope[top] = imports.modules.get(.str(top)) ?? module
        }
    }

    /// `from m import x, y as z`, `from . import x`, `from m import *`.
    func fromImportStatement(_ moduleName: String, _ names: [ImportName], _ scope: Scope, at location: SourceLocation?) throws {
        let level = moduleName.prefix { $0 == "." }.count
        let relative = String(moduleName.dropFirst(level))
        let name = level == 0 ? relative : try resolveRelative(relative, level: level, scope)
        let module = try importModule(absolute: name, at: location)
        guard case .namespace(let ns) = module else {
            // Something a user put in sys.modules: attributes as any object's.
            for n in names where n.name != "*" { scope[n.alias ?? n.name] = try getAttribute(module, n.name) }
            return
        }
        for n in names {
            if n.name == "*" {
                try importStar(ns, into: scope)
                continue
            }
            scope[n.alias ?? n.name] = try importFrom(ns, n.name, at: n.location)
        }
    }

    /// One name of a `from` import: an attribute, else a submodule (imported now), else the error.
    private func importFrom(_ ns: Namespace, _ name: String, at location: SourceLocation?) throws -> Value {
        if let v = try ns.member(name) { return v }
        let full = ns.name + "." + name
        if packagePath(of: ns) != nil || ns.origin.isBuiltin {
            do {
                _ = try importModule(absolute: full, at: location)
            } catch let e as PythonError where e.kind == "ModuleNotFoundError" && e.message == "No module named '\(full)'" {
                // Not a submodule either: the ImportError below says so.
            }
            if let v = try ns.member(name) { return v }
        }
        if let v = imports.modules.get(.str(full)) { return v }
        let place = ns.file ?? "unknown location"
        let quotedName = pythonStringRepr(name), quotedModule = pythonStringRepr(ns.name)
        if imports.initializing.contains(ns.name) {
            throw PythonError("ImportError", "cannot import name \(quotedName) from partially initialized module \(quotedModule) (most likely due to a circular import) (\(place))", at: location)
        }
        throw PythonError("ImportError", "cannot import name \(quotedName) from \(quotedModule) (\(place))", at: location)
    }

    /// `from m import *`: the names in `__all__` when it exists, else every name without a leading underscore.
    private func importStar(_ ns: Namespace, into scope: Scope) throws {
        if let all = try ns.member("__all__") {
            for item in try iterate(all) {
                guard case .str(let k) = item else {
                    throw PythonError.type("Item in \(ns.name).__all__ must be str, not \(item.typeName)")
                }
                // A package's submodules named in __all__ are imported first; a name that is
                // still missing is the AttributeError CPython raises.
                if try ns.member(k) == nil, packagePath(of: ns) != nil {
                    _ = try? importModule(absolute: ns.name + "." + k)
                }
                scope[k] = try getAttribute(.namespace(ns), k)
            }
        } else {
            for k in ns.memberNames where !k.hasPrefix("_") { if let v = try ns.member(k) { scope[k] = v } }
        }
    }

    /// `from ..pkg import x` inside package `a.b`: the absolute name, as `importlib._bootstrap._resolve_name`.
    private func resolveRelative(_ name: String, level: Int, _ scope: Scope) throws -> String {
        let globals = scope.root
        var package = ""
        if case .str(let p)? = globals["__package__"] {
            package = p
        } else if case .str(let n)? = globals["__name__"] {
            // No __package__: a package's own name, or a module's parent.
            package = globals["__path__"] != nil ? n : (n.lastIndex(of: ".").map { String(n[..<$0]) } ?? "")
            if n == "__main__" { package = "" }
        }
        if package.isEmpty { throw PythonError("ImportError", "attempted relative import with no known parent package") }
        var bits = package.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if bits.count < level { throw PythonError("ImportError", "attempted relative import beyond top-level package") }
        bits.removeLast(level - 1)
        let base = bits.joined(separator: ".")
        return name.isEmpty ? base : base + "." + name
    }

    // MARK: finding and loading

    /// The module `name` (a full dotted name), importing its parents and then itself if needed.
    @discardableResult
    func importModule(absolute name: String, at location: SourceLocation? = nil) throws -> Value {
        ensureSysPath()
        if let m = imports.modules.get(.str(name)) {
            if m.isNone { throw PythonError("ModuleNotFoundError", "import of \(name) halted; None in sys.modules", at: location) }
            return m
        }
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else {
            throw PythonError.value("Empty module name")
        }
        guard let dot = name.lastIndex(of: ".") else {
            return try loadTopLevel(name, at: location)
        }
        let parentName = String(name[..<dot]), child = String(name[name.index(after: dot)...])
        let parent = try importModule(absolute: parentName, at: location)
        // Importing the parent may have imported this module (a package's __init__ imports it).
        if let m = imports.modules.get(.str(name)) { return m }
        guard case .namespace(let pns) = parent else {
            throw PythonError("ModuleNotFoundError", "No module named '\(name)'; '\(parentName)' is not a package", at: location)
        }
        let module: Value
        if pns.origin.isBuiltin {
            guard let m = builtinModule(named: name) else {
                throw PythonError("ModuleNotFoundError", "No module named '\(name)'", at: location)
            }
            module = m
            imports.modules.set(.str(name), m)
        } else {
            guard let folders = packagePath(of: pns) else {
                throw PythonError("ModuleNotFoundError", "No module named '\(name)'; '\(parentName)' is not a package", at: location)
            }
            guard let m = try load(name, searching: folders, at: location) else {
                throw PythonError("ModuleNotFoundError", "No module named '\(name)'", at: location)
            }
            module = m
        }
        pns.setMember(child, module)
        return module
    }

    private func loadTopLevel(_ name: String, at location: SourceLocation?) throws -> Value {
        if ImportSystem.unshadowable.contains(name), let m = builtinModule(named: name) {
            imports.modules.set(.str(name), m)
            return m
        }
        var folders: [String] = []
        for case .str(let entry) in imports.path.items { folders.append(entry) }
        if let m = try load(name, searching: folders, at: location, fallback: builtinModule(named: name)) { return m }
        throw PythonError("ModuleNotFoundError", "No module named '\(name)'", at: location)
    }

    /// Searches `folders` for the last part of `name`; nnsh's own module (`fallback`) comes after a
    /// module or regular package on the path and before a namespace package.
    private func load(_ name: String, searching folders: [String], at location: SourceLocation?, fallback: Value? = nil) throws -> Value? {
        let last = String(name.split(separator: ".").last ?? Substring(name))
        var portions: [String] = []
        for folder in folders {
            let (found, portion) = PathFinder.find(last, in: folder)
            if let found { return try run(found, as: name, at: location) }
            if let portion { portions.append(portion) }
        }
        if let fallback {
            imports.modules.set(.str(name), fallback)
            return fallback
        }
        guard !portions.isEmpty else { return nil }
        let scope = Scope(parent: nil)
        scope["__name__"] = .str(name)
        scope["__package__"] = .str(name)
        scope["__doc__"] = Value.none
        scope["__file__"] = Value.none
        scope["__path__"] = .list(PyList(portions.map { .str($0) }))
        let module = Value.namespace(Namespace(name: name, scope: scope, origin: .namespacePackage(portions)))
        imports.modules.set(.str(name), module)
        return module
    }

    /// Runs a module's file in a fresh module namespace registered in `sys.modules` first (so
    /// circular imports find it), removed again if its code raises.
    private func run(_ found: ModuleLocation, as name: String, at location: SourceLocation?) throws -> Value {
        let file: String, folder: String?
        switch found {
        case .source(let f): file = f; folder = nil
        case .package(let f, let d): file = f; folder = d
        }
        let source = try readModuleSource(file)
        let scope = Scope(parent: nil)
        scope["__name__"] = .str(name)
        scope["__file__"] = .str(file)
        let parent = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? ""
        scope["__package__"] = .str(folder == nil ? parent : name)
        if let folder { scope["__path__"] = .list(PyList([.str(folder)])) }
        let ns = Namespace(name: name, scope: scope, origin: .file(file))
        try execute(source, file: file, in: ns, as: name)
        // A module may replace itself in sys.modules; the import returns what is there.
        return imports.modules.get(.str(name)) ?? .namespace(ns)
    }

    /// Executes module source in `ns`'s scope (an import, or `importlib.reload`).
    func execute(_ source: String, file: String, in ns: Namespace, as name: String) throws {
        guard let scope = ns.scope else { return }
        imports.sources[file] = source
        let statements: [Stmt]
        do {
            statements = try parse(source, file: file)
        } catch let e as SyntaxError {
            var error = PythonError("SyntaxError", e.message)
            error.syntax = e
            throw error
        }
        scope["__doc__"] = Interpreter.docstring(of: statements).map(Value.str) ?? Value.none
        imports.modules.set(.str(name), .namespace(ns))
        imports.initializing.insert(name)
        defer { imports.initializing.remove(name) }
        let savedFile = self.file
        self.file = file
        defer { self.file = savedFile }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxCallDepth {
            imports.modules.remove(.str(name))
            throw PythonError("RecursionError", "maximum recursion depth exceeded while importing")
        }
        do {
            for s in statements { try outsideLoopOrFunction(try exec(s, scope), s.location) }
        } catch {
            imports.modules.remove(.str(name))
            var e = PythonError.from(error)
            e.frames.append(TracebackFrame(file: file, function: "<module>", location: e.location))
            e.location = nil
            throw e
        }
    }

    /// A module file's text, refused as CPython refuses it (null bytes, bytes that are not UTF-8).
    private func readModuleSource(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PythonError("PermissionError", "[Errno 13] Permission denied: \(pythonStringRepr(file))")
        }
        let bytes = [UInt8](data)
        if bytes.contains(0) {
            throw PythonError("SyntaxError", "source code string cannot contain null bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // CPython 3.11 reports the first byte that is not UTF-8 at its line, as a decoding error.
            var line = 1, lineStart = 0, i = 0
            var reason = "invalid start byte"
            while i < bytes.count {
                let width = Interpreter.utf8SequenceLength(bytes, at: i)
                if width == 0 {
                    if bytes[i] >= 0xC2 && bytes[i] < 0xF5 { reason = i + 1 < bytes.count ? "invalid continuation byte" : "unexpected end of data" }
                    break
                }
                if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += width
            }
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).unicodeScalars.count + 1
            let hex = String(bytes[i], radix: 16)
            let message = "(unicode error) 'utf-8' codec can't decode byte 0x\(hex.count == 1 ? "0" + hex : hex) in position 0: \(reason)"
            var error = PythonError("SyntaxError", message)
            error.syntax = SyntaxError(message, at: SourceLocation(line: line, column: column), file: file, sourceLine: lineText)
            throw error
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The length of a valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one.
    static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        let (width, minimum): (Int, UInt32) = lead < 0x80 ? (1, 0) : lead >= 0xC2 && lead < 0xE0 ? (2, 0x80)
            : lead >= 0xE0 && lead < 0xF0 ? (3, 0x800) : lead >= 0xF0 && lead < 0xF5 ? (4, 0x10000) : (0, 0)
        guard width > 0, i + width <= b.count else { return 0 }
        var scalar = UInt32(lead) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width {
            guard b[i + k] & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return 0 }
        return width
    }

    /// A module's docstring: its first statement when that is a string literal.
    static func docstring(of statements: [Stmt]) -> String? {
        guard case .expression(let e, _)? = statements.first, case .string(let s, _) = e else { return nil }
        return s
    }

    /// A package's `__path__` folders (nil for a module that is not a package).
    func packagePath(of ns: Namespace) -> [String]? {
        guard let scope = ns.scope, let p = scope["__path__"] else { return nil }
        guard let items = try? iterate(p) else { return [] }
        return items.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
    }

    /// Fills `sys.path` and registers `__main__` the first time anything is imported.
    func ensureSysPath() {
        guard !imports.pathInitialized else { return }
        imports.pathInitialized = true
        imports.path.items = ImportSystem.initialPath(script: file, environment: ProcessInfo.processInfo.environment).map { .str($0) }
        imports.modules.set(.str("__main__"), .namespace(Namespace(name: "__main__", scope: globalScope, origin: .main)))
        imports.modules.set(.str("builtins"), .namespace(Namespace("builtins", builtinsStorage.filter { !$0.key.hasPrefix("__torch") })))
    }

    // MARK: importlib

    func makeImportlibModule() -> Namespace {
        let ns = Namespace("importlib")
        ns.members["import_module"] = .builtin(Builtin("import_module") { [unowned self] args in
            let b = try args.bind("import_module", ["name", "package"], required: 1)
            let name = try b.string("name", "")
            let level = name.prefix { $0 == "." }.count
            guard level > 0 else { return try self.importModule(absolute: name) }
            guard case .str(let package)? = b["package"], !package.isEmpty else {
                throw PythonError.type("the 'package' argument is required to perform a relative import for \(pythonStringRepr(name))")
            }
            let scope = Scope(parent: nil)
            scope["__package__"] = .str(package)
            return try self.importModule(absolute: try self.resolveRelative(String(name.dropFirst(level)), level: level, scope))
        })
        ns.members["reload"] = .builtin(Builtin("reload") { [unowned self] args in
            let module = try args.bind("reload", ["module"], required: 1).values["module"]!
            guard case .namespace(let m) = module else { throw PythonError.type("reload() argument must be a module") }
            guard let current = self.imports.modules.get(.str(m.name)), case .namespace(let cached) = current, cached === m else {
                throw PythonError("ImportError", "module \(m.name) not in sys.modules")
            }
            guard let file = m.file else { return module }   // nnsh's own modules have nothing to re-run
            try self.execute(try self.readModuleSource(file), file: file, in: m, as: m.name)
            return module
        })
        ns.members["invalidate_caches"] = .builtin(Builtin("invalidate_caches") { _ in .none })
        return ns
    }
}

extension ModuleOrigin {
    var isBuiltin: Bool { if case .builtin = self { return true } else { return false } }
}
