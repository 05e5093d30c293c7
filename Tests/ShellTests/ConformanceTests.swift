import Foundation
import Testing
@testable import Shell

/// The language as CPython 3.11 defines it (issue 19): every `Conformance/NAME.py` runs through
/// `Session`; stdout must equal `NAME.out` (made by CPython, `scripts/golden/make_conformance_golden.py`)
/// byte for byte, and `NAME.err`, when present, is the last line of CPython's traceback.
struct ConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    /// Programs CPython runs that nnsh does not match yet, each with the reason. They still run: a gap
    /// that closes makes the test fail ("known issue not recorded"), so the entry must then go.
    static let knownGaps: [String: Comment] = [
        "class_subclass_dict": "dict(**kwargs) construction of a dict subclass does not go through the subclass's own __setitem__/keys yet",
        "type_builtin_types": "complex literals are not supported yet",
        "type_dir_vars": "dir() of builtin values lists nnsh's own method names, not CPython's full set",
    ]

    @Test func conformanceFolderIsPopulated() {
        #expect(Self.scripts.count >= 30, "expected the conformance programs in \(Self.folder.path)")
    }

    @Test(.serialized, arguments: scripts)
    func program(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason) { try checkGoldenScript(in: Self.folder, name, reference: "CPython") }
        } else {
            try checkGoldenScript(in: Self.folder, name, reference: "CPython")
        }
    }

    /// The same programs with every function compiled at its first call: the compile step and the
    /// tree walker must agree on everything (normally a function's first call is walked).
    @Test(.serialized, arguments: scripts)
    func programCompiledAtFirstCall(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason, isIntermittent: true) {
                try checkGoldenScript(in: Self.folder, name, reference: "CPython", compileAtFirstCall: true)
            }
        } else {
            try checkGoldenScript(in: Self.folder, name, reference: "CPython", compileAtFirstCall: true)
        }
    }
}

/// `nn.Module` and the model-building half of PyTorch (issue 21): every `ModuleConformance/NAME.py`
/// against the stdout and last error line real PyTorch 2.15 printed
/// (`.venv-torch/bin/python scripts/golden/make_conformance_golden.py ModuleConformance`).
struct ModuleConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ModuleConformance")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    /// Programs PyTorch runs that nnsh does not match yet, each with the reason.
    static let knownGaps: [String: Comment] = [
        "module_backward_hooks_errors": "the deprecated Module.register_backward_hook (hooks on the grad_fn of the output's last op) is refused with NotImplementedError, so the mixing error it raises after it cannot be reached",
        "module_backward_hooks_multi": "full backward hooks on a call where several inputs or several outputs need gradients are refused: PyTorch hangs them on one multi-output BackwardHookFunction node, and nnsh's engine has one output per node",
        "module_optim_adam": "PyTorch's CPU sqrt of a float32 tensor is MKL's vsSqrt, which is not correctly rounded (it differs from IEEE sqrt in about 17% of inputs); Adam's denominator inherits it, so one parameter printed as 0.0 is -0.0 here",
    ]

    @Test func folderIsPopulated() {
        #expect(Self.scripts.count >= 10, "expected the module conformance programs in \(Self.folder.path)")
    }

    @Test(.serialized, arguments: scripts)
    func program(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason) { try checkGoldenScript(in: Self.folder, name, reference: "PyTorch") }
        } else {
            try checkGoldenScript(in: Self.folder, name, reference: "PyTorch")
        }
    }

    /// With every function (each `forward`, each hook) compiled at its first call.
    @Test(.serialized, arguments: scripts)
    func programCompiledAtFirstCall(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason, isIntermittent: true) {
                try checkGoldenScript(in: Self.folder, name, reference: "PyTorch", compileAtFirstCall: true)
            }
        } else {
            try checkGoldenScript(in: Self.folder, name, reference: "PyTorch", compileAtFirstCall: true)
        }
    }
}

/// numpy as nnsh provides it (issue 22): every `NumpyConformance/NAME.py` against what real numpy
/// 2.4 and PyTorch printed (`.venv-torch/bin/python scripts/golden/make_conformance_golden.py NumpyConformance`).
struct NumpyConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("NumpyConformance")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    /// Programs numpy runs that nnsh does not match yet, each with the reason.
    static let knownGaps: [String: Comment] = [
        "np_random_legacy": "nnsh's numpy has no string arrays (choice over ['a', 'b', 'c']) and no uint32 (get_state's key)",
    ]

    @Test func folderIsPopulated() {
        #expect(Self.scripts.count >= 10, "expected the numpy conformance programs in \(Self.folder.path)")
    }

    @Test(.serialized, arguments: scripts)
    func program(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason) { try checkGoldenScript(in: Self.folder, name, reference: "numpy") }
        } else {
            try checkGoldenScript(in: Self.folder, name, reference: "numpy")
        }
    }
}
