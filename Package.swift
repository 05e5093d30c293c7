// swift-tools-version:6.0
import PackageDescription

/// One straight path: line → tokens → AST (Syntax) → evaluation (Shell) → layer (NN)
/// → functional op / tensor (Torch) → loops over buffers (Kernels) → printed text.
let package = Package(
    name: "nnsh",
    products: [
        .executable(name: "nnsh", targets: ["nnsh"]),
        .executable(name: "nnsh-bench", targets: ["nnsh-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CZMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev", "libfreetype-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-32", providers: [.apt(["libpcre2-dev"])]),

        /// SLEEF's vector functions over arrays, one target per ISA: only whole-file -m flags make
        /// clang pass vector arguments in registers, as SLEEF reads them. Called only after
        /// CFastMath's capability check.
        .target(name: "CSleefAVX2", cSettings: [.unsafeFlags(["-mavx2", "-mfma"])], linkerSettings: [.linkedLibrary("sleef")]),
        .target(name: "CSleefAVX512", cSettings: [.unsafeFlags(["-mavx512f", "-mavx512vl", "-mavx512bw", "-mavx512dq", "-mavx2", "-mfma"])],
                linkerSettings: [.linkedLibrary("sleef")]),
        .target(name: "CFastMath", dependencies: ["CSleefAVX2", "CSleefAVX512"], linkerSettings: [.linkedLibrary("sleef")]),
        .target(name: "Kernels", dependencies: ["CBLAS", "CFastMath"], swiftSettings: unchecked),
        .target(name: "Torch", dependencies: ["Kernels", "CFastMath"]),
        .target(name: "NN", dependencies: ["Torch", "Kernels"]),
        /// numpy's semantics over Torch's strided storage: its dtype promotion, pairwise sums,
        /// `arrayprint` text and the legacy `RandomState` (the Shell binds them as `numpy`).
        .target(name: "NumPy", dependencies: ["Torch", "Stdlib"]),
        /// The Jupyter messaging protocol (5.3) over ZeroMQ: connection files, signed wire messages,
        /// the five channels and the kernel loop; what runs a cell is the caller's (`JupyterBackend`).
        .target(name: "Jupyter", dependencies: ["CZMQ", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Syntax"),
        .target(name: "Pictures", dependencies: ["Torch", "CPNG", "CJPEG"]),
        /// matplotlib's figures without Python: the Figure/Axes model, its tick locator and formatter,
        /// colormaps, layout (subplots, equal aspect, tight_layout), legends, and drawing with Cairo
        /// and FreeType in matplotlib's default style.
        .target(name: "Figures", dependencies: ["CCairo", "Pictures"]),
        /// CPython's standard-library algorithms that are not the interpreter (the Mersenne Twister
        /// `random`, the numeric hash), as plain Swift values: testable without a Python session.
        .target(name: "Stdlib", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        /// CPython's `re` syntax over PCRE2: Python's pattern grammar with sre_parse's errors, turned
        /// into an equivalent PCRE2 pattern; matching, match iteration and replacement templates as
        /// CPython's `_sre` defines them, over code-point arrays.
        .target(name: "Regex", dependencies: ["CPCRE2"]),
        .target(name: "Shell", dependencies: ["Syntax", "Torch", "NN", "Pictures", "Figures", "Stdlib", "NumPy", "Regex", "BigInt"], swiftSettings: noExclusivityChecks),
        .executableTarget(name: "nnsh", dependencies: [
            "Shell", "Torch", "Kernels", "Jupyter", "CEditLine", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nnsh-bench", dependencies: ["NN", "Torch"]),

        .testTarget(name: "KernelsTests", dependencies: ["Kernels"]),
        .testTarget(name: "TorchTests", dependencies: ["Torch"], resources: [.copy("Golden")]),
        .testTarget(name: "NNTests", dependencies: ["NN", "Torch"], resources: [.copy("Golden")]),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax"]),
        .testTarget(name: "StdlibTests", dependencies: ["Stdlib"], resources: [.copy("Golden")]),
        .testTarget(name: "NumPyTests", dependencies: ["NumPy", "Torch"], resources: [.copy("Golden")]),
        .testTarget(name: "JupyterTests", dependencies: ["Jupyter"]),
        .testTarget(name: "RegexTests", dependencies: ["Regex"], resources: [.copy("Golden")]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"], exclude: ["Golden", "Conformance", "ModuleConformance", "Checkpoints", "ImportConformance", "NumpyConformance", "Figures"]),
        .testTarget(name: "NnshTests", dependencies: ["nnsh"], exclude: ["Hostile"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"], resources: [.copy("Golden")]),
        .testTarget(name: "PicturesTests", dependencies: ["Pictures", "Torch"], resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v5]
)

/// Kernels are loops over buffers whose bounds the Torch layer has already checked;
/// nothing from user input reaches them unchecked, so they may drop Swift's runtime checks.
var unchecked: [SwiftSetting] { [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))] }

/// The interpreter's hot paths touch class properties (scope slots, lists) on every step; in release
/// the runtime exclusivity checks on them cost ~15% of a pure-Python loop. Debug builds keep them.
var noExclusivityChecks: [SwiftSetting] { [.unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-assume-single-threaded"], .when(configuration: .release))] }
