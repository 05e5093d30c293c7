import Foundation

/// What `import` keeps between statements, as CPython's `sys` and `importlib._bootstrap` keep it:
/// the module cache (`sys.modules`), the search path (`sys.path`), the modules whose code is
/// running (so a circular import sees a partially initialised module), and the source of every
/// file run as a module (traceback lines, as `linecache` serves them).
final class ImportSystem {
    /// `sys.modules`: full dotted name → module. Python code may read, add and delete entries.
    let modules = PyDict()
    /// `sys.path`: folders searched, in order, for top-level modules. Non-string entries are skipped.
    let path = PyList([])
    /// Modules whose top-level code is running (imported again, they are "partially initialized").
    var initializing: Set<String> = []
    /// File → source text, for every file run as a module.
    var sources: [String: String] = [:]
    /// nnsh's own modules once made (`torch`, `os`, `PIL.Image`, …), by dotted name.
    var builtinCache: [String: Value] = [:]
    /// Whether `sys.path` has been filled for this interpreter's script.
    var pathInitialized = false

    /// CPython 3.11's `sys.builtin_module_names` that nnsh provides: found before `sys.path`, so a
    /// file named `sys.py` or `time.py` cannot shadow them (any other module name can be shadowed).
    static let unshadowable: Set<String> = ["sys", "builtins", "time", "itertools", "errno", "gc", "atexit", "marshal", "posix"]

    /// The first `sys.path` entries for a script, as CPython computes them: the script's folder
    /// (symlinks resolved) or `''` (the current folder) for `-c`, standard input and the prompt,
    /// then `NNSH_PATH` and `PYTHONPATH` entries.
    static func initialPath(script file: String, environment: [String: String]) -> [String] {
        var entries: [String]
        if file.hasPrefix("<") {
            entries = [""]
        } else {
            entries = [PosixPath.dirname(PosixPath.realpath(file))]
        }
        for variable in ["NNSH_PATH", "PYTHONPATH"] {
            for entry in (environment[variable] ?? "").split(separator: ":") where !entry.isEmpty {
                entries.append(PosixPath.abspath(String(entry)))
            }
        }
        return entries
    }
}

/// What the path finder found for one name in one folder.
enum ModuleLocation {
    /// `name.py`
    case source(file: String)
    /// `name/__init__.py`
    case package(initFile: String, folder: String)
}

/// CPython's `FileFinder` for source files: in folder `dir`, `name/__init__.py` (a regular
/// package) wins over `name.py`, and a folder `name/` without `__init__.py` is only a portion of
/// a namespace package, used when no folder on the path holds a module or regular package.
enum PathFinder {
    static func find(_ name: String, in dir: String) -> (ModuleLocation?, namespacePortion: String?) {
        let base = dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
        let folder = PosixPath.join(base, [name])
        var portion: String?
        if PosixPath.isdir(folder) {
            let initFile = PosixPath.join(folder, ["__init__.py"])
            if PosixPath.isfile(initFile) { return (.package(initFile: initFile, folder: folder), nil) }
            portion = folder
        }
        let file = PosixPath.join(base, [name + ".py"])
        if PosixPath.isfile(file) { return (.source(file: file), nil) }
        return (nil, portion)
    }
}
