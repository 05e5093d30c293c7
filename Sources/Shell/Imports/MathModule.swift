import BigInt
import Foundation

/// `math`: CPython 3.11's functions over doubles (glibc's libm, as CPython uses it) with its error
/// rules (`mathmodule.c`): a NaN from a non-NaN argument is `ValueError: math domain error`, an
/// infinity from a finite one `OverflowError: math range error` where the function can overflow.
/// Integer functions (factorial, comb, perm, gcd, lcm, isqrt) work in arbitrary precision.
extension Interpreter {
    var mathNamespace: Namespace {
        let ns = Namespace("math")
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            ns.members[name] = .builtin(Builtin(name, body))
        }
        /// `math_1`: one float argument, CPython's NaN and infinity checks.
        func f(_ name: String, canOverflow: Bool = false, _ fn: @escaping (Double) -> Double) {
            def(name) { args in
                let x = try args.bind(name, ["x"], required: 1).double("x", 0)
                return .float(try Self.checked(fn(x), x, canOverflow: canOverflow))
            }
        }
        f("sqrt", Foundation.sqrt); f("exp", canOverflow: true, Foundation.exp); f("exp2", canOverflow: true, Foundation.exp2)
        f("log10", Self.positiveLog(Foundation.log10)); f("log2", Self.positiveLog(Foundation.log2))
        f("sin", Foundation.sin); f("cos", Foundation.cos); f("tan", Foundation.tan); f("tanh", Foundation.tanh)
        f("atan", Foundation.atan); f("asin", Foundation.asin); f("acos", Foundation.acos); f("fabs", Swift.abs)
        f("sinh", canOverflow: true, Foundation.sinh); f("cosh", canOverflow: true, Foundation.cosh)
        f("asinh", Foundation.asinh); f("acosh", Foundation.acosh)
        f("atanh") { x in Swift.abs(x) >= 1 ? .nan : Foundation.atanh(x) }
        f("erf", Foundation.erf); f("erfc", Foundation.erfc); f("log1p") { x in x <= -1 ? .nan : Foundation.log1p(x) }
        f("expm1", canOverflow: true, Foundation.expm1); f("cbrt", Foundation.cbrt)
        f("degrees") { $0 * (180 / Double.pi) }; f("radians") { $0 * (Double.pi / 180) }
        for name in ["gamma", "lgamma"] {
            def(name) { args in
                let x = try args.bind(name, ["x"], required: 1).double("x", 0)
                let (r, error) = name == "gamma" ? Self.tgamma(x) : Self.lgamma(x)
                switch error {
                case .domain?: throw PythonError.value("math domain error")
                case .range?: throw PythonError.overflow("math range error")
                case nil: return .float(r)
                }
            }
        }
        def("ulp") { args in
            let x = Swift.abs(try args.bind("ulp", ["x"], required: 1).double("x", 0))
            if x.isNaN || x.isInfinite { return .float(x) }
            let next = x.nextUp
            if next.isInfinite { return .float(x - x.nextDown) }
            return .float(next - x)
        }

        def("log") { args in
            let b = try args.bind("log", ["x", "base"], required: 1)
            let x = try b.double("x", 0)
            let num = try Self.checked(x <= 0 ? .nan : Foundation.log(x), x, canOverflow: false)
            guard let base = b["base"] else { return .float(num) }
            let bv = try base.asDouble("base", "log")
            let den = try Self.checked(bv <= 0 ? .nan : Foundation.log(bv), bv, canOverflow: false)
            if den == 0 { throw PythonError("ZeroDivisionError", "float division by zero") }
            return .float(num / den)
        }
        for name in ["floor", "ceil", "trunc"] {
            def(name) { args in
                let v = try args.bind(name, ["x"], required: 1).values["x"]!
                if case .int(let i) = v { return .int(i) }
                if case .bool(let b) = v { return .int(b ? 1 : 0) }
                if case .object(is BigIntObject) = v { return v }
                let x = try v.asDouble("x", name)
                if x.isNaN { throw PythonError.value("cannot convert float NaN to integer") }
                guard x.isFinite else { throw PythonError.overflow("cannot convert float infinity to integer") }
                return try BigIntObject.truncating(name == "floor" ? x.rounded(.down) : (name == "ceil" ? x.rounded(.up) : x.rounded(.towardZero)))
            }
        }
        /// Two float arguments.
        func f2(_ name: String, _ params: [String], _ fn: @escaping (Double, Double) throws -> Double) {
            def(name) { args in
                let b = try args.bind(name, params, required: 2)
                return .float(try fn(try b.double(params[0], 0), try b.double(params[1], 0)))
            }
        }
        f2("pow", ["x", "y"]) { x, y in
            // math_pow: special cases first, then libm with CPython's error checks.
            if x == 0 && y < 0 && y.isFinite { throw PythonError.value("math domain error") }
            let r = Foundation.pow(x, y)
            if x.isFinite && y.isFinite {
                if r.isNaN { throw PythonError.value("math domain error") }
                if r.isInfinite { throw PythonError.overflow("math range error") }
            }
            return r
        }
        f2("atan2", ["y", "x"]) { y, x in Foundation.atan2(y, x) }
        f2("copysign", ["x", "y"]) { x, y in Foundation.copysign(x, y) }
        f2("fmod", ["x", "y"]) { x, y in
            if y.isInfinite && x.isFinite { return x }
            let r = Foundation.fmod(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw PythonError.value("math domain error") }
            return r
        }
        f2("remainder", ["x", "y"]) { x, y in
            let r = Foundation.remainder(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw PythonError.value("math domain error") }
            return r
        }
        f2("nextafter", ["x", "y"]) { x, y in Foundation.nextafter(x, y) }
        def("ldexp") { args in
            let b = try args.bind("ldexp", ["x", "i"], required: 2)
            let x = try b.double("x", 0)
            guard case .int(let i) = b.values["i"]! else { throw PythonError.type("Expected an int as second argument to ldexp.") }
            if x == 0 || !x.isFinite { return .float(x) }
            let r = Foundation.scalbn(x, Swift.max(-100_000, Swift.min(100_000, i)))
            if r.isInfinite { throw PythonError.overflow("math range error") }
            return .float(r)
        }
        def("frexp") { args in
            let x = try args.bind("frexp", ["x"], required: 1).double("x", 0)
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            var e: Int32 = 0
            let m = Foundation.frexp(x, &e)
            return .tuple([.float(m), .int(Int(e))])
        }
        def("modf") { args in
            let x = try args.bind("modf", ["x"], required: 1).double("x", 0)
            if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return .tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
        }
        def("isclose") { args in
            let b = try args.bind("isclose", ["a", "b"], required: 2, keywordOnly: ["rel_tol", "abs_tol"])
            let a = try b.double("a", 0), c = try b.double("b", 0)
            let rel = try b.double("rel_tol", 1e-9), abs = try b.double("abs_tol", 0)
            if rel < 0 || abs < 0 { throw PythonError.value("tolerances must be non-negative") }
            if a == c { return .bool(true) }
            if a.isInfinite || c.isInfinite { return .bool(false) }
            let diff = Swift.abs(c - a)
            return .bool((diff <= Swift.abs(rel * c)) || (diff <= Swift.abs(rel * a)) || diff <= abs)
        }
        def("hypot") { args in
            guard args.keywords.isEmpty else { throw PythonError.type("hypot() takes no keyword arguments") }
            let xs = try args.positional.map { try $0.asDouble("coordinates", "hypot") }
            return .float(Self.vectorNorm(xs))
        }
        def("dist") { [unowned self] args in
            let b = try args.bind("dist", ["p", "q"], required: 2)
            let p = try self.iterate(b.values["p"]!).map { try $0.asDouble("p", "dist") }
            let q = try self.iterate(b.values["q"]!).map { try $0.asDouble("q", "dist") }
            guard p.count == q.count else { throw PythonError.value("both points must have the same number of dimensions") }
            return .float(Self.vectorNorm(zip(p, q).map { $0 - $1 }))
        }
        def("fsum") { [unowned self] args in
            let b = try args.bind("fsum", ["seq"], required: 1)
            return .float(try Self.fsum(try self.iterate(b.values["seq"]!).map { try $0.asDouble("seq", "fsum") }))
        }

        // Integer functions, in arbitrary precision (Objects/BigInteger.swift).
        func integer(_ v: Value, _ function: String) throws -> BigInt {
            if case .float = v { throw PythonError.type("'float' object cannot be interpreted as an integer") }
            if let b = BigIntObject.integer(v) { return b }
            return BigInt(try v.asInt())
        }
        /// The product lo·(lo+1)·…·hi by halves, so the big multiplications are of balanced sizes.
        func product(_ lo: BigInt, _ hi: BigInt) -> BigInt {
            if lo > hi { return 1 }
            if hi - lo < 8 {
                var r = lo, k = lo + 1
                while k <= hi { r *= k; k += 1 }
                return r
            }
            let mid = (lo + hi) / 2
            return product(lo, mid) * product(mid + 1, hi)
        }
        /// A product of `count` factors each at most `largest` must fit nnsh's integer size.
        func checkProductSize(count: BigInt, largest: BigInt) throws {
            guard let c = Int(exactly: count) else { throw PythonError("MemoryError", "") }
            let (bits, o) = c.multipliedReportingOverflow(by: largest.magnitude.bitWidth)
            if o { throw PythonError("MemoryError", "") }
            try BigIntObject.checkSize(bits: bits)
        }
        def("factorial") { args in
            let n = try integer(try args.bind("factorial", ["n"], required: 1).values["n"]!, "factorial")
            if n.sign == .minus && !n.isZero { throw PythonError.value("factorial() not defined for negative values") }
            try checkProductSize(count: n / 2, largest: n)  // n! < n^n, and √n! > (n/2)^(n/2)
            return Value.integer(product(2, n))
        }
        def("gcd") { args in
            var g = BigUInt(0)
            for v in args.positional { g = g.greatestCommonDivisor(with: try integer(v, "gcd").magnitude) }
            return Value.integer(BigInt(g))
        }
        def("lcm") { args in
            var l = BigUInt(1)
            for v in args.positional {
                let x = try integer(v, "lcm").magnitude
                if x.isZero || l.isZero { l = 0; continue }
                try BigIntObject.checkSize(bits: l.bitWidth + x.bitWidth)
                l = l / l.greatestCommonDivisor(with: x) * x
            }
            return Value.integer(BigInt(l))
        }
        def("isqrt") { args in
            let n = try integer(try args.bind("isqrt", ["n"], required: 1).values["n"]!, "isqrt")
            if n.sign == .minus && !n.isZero { throw PythonError.value("isqrt() argument must be nonnegative") }
            return Value.integer(BigInt(n.magnitude.squareRoot()))
        }
        /// `perm(n, k)` = n·(n−1)·…·(n−k+1); `comb(n, k)` = perm(n, k') / k'! with k' = min(k, n−k).
        func combinatoric(_ name: String) {
            def(name) { args in
                let b = try args.bind(name, ["n", "k"], required: name == "comb" ? 2 : 1)
                let n = try integer(b.values["n"]!, name)
                var k = try b["k"].map { try integer($0, name) } ?? n
                if n.sign == .minus && !n.isZero { throw PythonError.value("n must be a non-negative integer") }
                if k.sign == .minus && !k.isZero { throw PythonError.value("k must be a non-negative integer") }
                if k > n { return .int(0) }
                if name == "comb" && n - k < k { k = n - k }
                try checkProductSize(count: k, largest: n)
                let falling = product(n - k + 1, n)
                return Value.integer(name == "perm" ? falling : falling / product(2, k))
            }
        }
        combinatoric("comb"); combinatoric("perm")
        def("isnan") { args in .bool(try args.bind("isnan", ["x"], required: 1).double("x", 0).isNaN) }
        def("isfinite") { args in .bool(try args.bind("isfinite", ["x"], required: 1).double("x", 0).isFinite) }
        def("isinf") { args in .bool(try args.bind("isinf", ["x"], required: 1).double("x", 0).isInfinite) }
        def("prod") { [unowned self] args in
            let b = try args.bind("prod", ["iterable"], required: 1, keywordOnly: ["start"])
            var acc: Value = b["start"] ?? .int(1)
            for v in try self.iterate(b.values["iterable"]!) { acc = try self.binaryOperation(.multiply, acc, v) }
            return acc
        }
        ns.members["pi"] = .float(Double.pi)
        ns.members["e"] = .float(M_E)
        ns.members["inf"] = .float(.infinity)
        ns.members["nan"] = .float(.nan)
        ns.members["tau"] = .float(2 * Double.pi)
        return ns
    }

    /// CPython's `is_error` after `math_1`: NaN from a number is a domain error, infinity from a
    /// finite number a range error (or a domain error for functions that cannot overflow).
    static func checked(_ r: Double, _ x: Double, canOverflow: Bool) throws -> Double {
        if r.isNaN && !x.isNaN { throw PythonError.value("math domain error") }
        if r.isInfinite && x.isFinite {
            if canOverflow { throw PythonError.overflow("math range error") }
            throw PythonError.value("math domain error")
        }
        return r
    }

    static func positiveLog(_ fn: @escaping (Double) -> Double) -> (Double) -> Double {
        { x in x <= 0 ? (x == 0 ? -.infinity : .nan) : fn(x) }
    }

    /// `vector_norm` as CPython 3.11 computes hypot/dist: scaled by the largest magnitude, squares
    /// and sums kept exactly in two parts, a square root, then a differential correction.
    static func vectorNorm(_ xs: [Double]) -> Double {
        var v = xs.map { Swift.abs($0) }
        var maxAbs = 0.0, foundNaN = false
        for a in v { if a.isNaN { foundNaN = true } else if a > maxAbs { maxAbs = a } }
        return norm(&v, maxAbs, foundNaN)
    }

    private static func norm(_ v: inout [Double], _ max: Double, _ foundNaN: Bool) -> Double {
        if max.isInfinite { return max }
        if foundNaN { return .nan }
        if max == 0 || v.count <= 1 { return max }
        var e: Int32 = 0
        _ = Foundation.frexp(max, &e)
        if e < -1023 {
            for i in v.indices { v[i] /= Double.leastNormalMagnitude }
            return Double.leastNormalMagnitude * norm(&v, max / Double.leastNormalMagnitude, foundNaN)
        }
        let scale = Double(sign: .plus, exponent: -Int(e), significand: 1)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        for a in v {
            let x = a * scale
            let hi = x * x, lo = Foundation.fma(x, x, -hi)      // dl_mul
            let sum = csum + hi, sumLo = (csum - sum) + hi       // dl_fast_sum
            csum = sum; frac1 += lo; frac2 += sumLo
        }
        var h = (csum - 1.0 + (frac1 + frac2)).squareRoot()
        let phi = -h * h, plo = Foundation.fma(-h, h, -phi)
        let sum = csum + phi, sumLo = (csum - sum) + phi
        csum = sum; frac1 += plo; frac2 += sumLo
        let x = csum - 1.0 + (frac1 + frac2)
        h += x / (2.0 * h)
        return h / scale
    }

    enum MathError { case domain, range }

    // CPython's own gamma functions (mathmodule.c `m_tgamma`, `m_lgamma`): a Lanczos approximation,
    // not libm's, with its errno rules (EDOM a ValueError, ERANGE an OverflowError when |r| ≥ 1).
    static let lanczosG = 6.024680040776729583740234375
    static let lanczosGMinusHalf = 5.524680040776729583740234375
    static let lanczosNum: [Double] = [
        23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    static let lanczosDen: [Double] = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
                                       13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0]
    static let gammaIntegral: [Double] = [1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
                                          479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0,
                                          355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
                                          51090942171709440000.0, 1124000727777607680000.0]

    static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: 12, through: 0, by: -1) { num = num * x + lanczosNum[i]; den = den * x + lanczosDen[i] }
        } else {
            for i in 0..<13 { num = num / x + lanczosNum[i]; den = den / x + lanczosDen[i] }
        }
        return num / den
    }

    static func sinpi(_ x: Double) -> Double {
        let y = Foundation.fmod(Swift.abs(x), 2.0)
        let n = Int((2.0 * y).rounded(.toNearestOrAwayFromZero))
        let r: Double
        switch n {
        case 0: r = Foundation.sin(Double.pi * y)
        case 1: r = Foundation.cos(Double.pi * (y - 0.5))
        case 2: r = Foundation.sin(Double.pi * (1.0 - y))
        case 3: r = -Foundation.cos(Double.pi * (y - 1.5))
        default: r = Foundation.sin(Double.pi * (y - 2.0))
        }
        return Foundation.copysign(1.0, x) * r
    }

    static func tgamma(_ x: Double) -> (Double, MathError?) {
        if !x.isFinite { return x.isNaN || x > 0 ? (x, nil) : (.nan, .domain) }
        if x == 0 { return (Foundation.copysign(.infinity, x), .domain) }
        if x == x.rounded(.down) {
            if x < 0 { return (.nan, .domain) }
            if x <= Double(gammaIntegral.count) { return (gammaIntegral[Int(x) - 1], nil) }
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 {
            let r = 1.0 / x
            return (r, r.isInfinite ? .range : nil)
        }
        if absx > 200.0 {
            if x < 0 { return (0.0 / sinpi(x), nil) }
            return (.infinity, .range)
        }
        let y = absx + lanczosGMinusHalf
        var z: Double
        if absx > lanczosGMinusHalf { let q = y - absx; z = q - lanczosGMinusHalf } else { let q = y - lanczosGMinusHalf; z = q - absx }
        z = z * lanczosG / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinpi(absx) / absx * Foundation.exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140.0 { r /= Foundation.pow(y, absx - 0.5) } else {
                let sqrtpow = Foundation.pow(y, absx / 2.0 - 0.25)
                r /= sqrtpow; r /= sqrtpow
            }
        } else {
            r = lanczosSum(absx) / Foundation.exp(y)
            r += z * r
            if absx < 140.0 { r *= Foundation.pow(y, absx - 0.5) } else {
                let sqrtpow = Foundation.pow(y, absx / 2.0 - 0.25)
                r *= sqrtpow; r *= sqrtpow
            }
        }
        return (r, r.isInfinite ? .range : nil)
    }

    static func lgamma(_ x: Double) -> (Double, MathError?) {
        if !x.isFinite { return (x.isNaN ? x : .infinity, nil) }
        if x == x.rounded(.down) && x <= 2.0 { return x <= 0 ? (.infinity, .domain) : (0.0, nil) }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return (-Foundation.log(absx), nil) }
        var r = Foundation.log(lanczosSum(absx)) - lanczosG
        r += (absx - 0.5) * (Foundation.log(absx + lanczosG - 0.5) - 1)
        if x < 0 { r = 1.144729885849400174143427351353058711647 - Foundation.log(Swift.abs(sinpi(absx))) - Foundation.log(absx) - r }
        return (r, r.isInfinite ? .range : nil)
    }

    /// `math.fsum`: Shewchuk's exact partials (CPython's `math_fsum`).
    static func fsum(_ xs: [Double]) throws -> Double {
        var partials = [Double]()
        var specialSum = 0.0, infSum = 0.0
        for var x in xs {
            let xsave = x
            var i = 0
            for j in 0..<partials.count {
                var y = partials[j]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { partials[i] = lo; i += 1 }
                x = hi
            }
            partials.removeSubrange(i...)
            if x != 0 {
                if !x.isFinite {
                    if xsave.isFinite { throw PythonError.overflow("intermediate overflow in fsum") }
                    if xsave.isInfinite { infSum += xsave }
                    specialSum += xsave
                    partials = []
                } else {
                    partials.append(x)
                }
            }
        }
        if specialSum != 0 {
            if infSum.isNaN { throw PythonError.value("-inf + inf in fsum") }
            return specialSum
        }
        var n = partials.count
        var hi = 0.0
        if n > 0 {
            n -= 1
            hi = partials[n]
            var lo = 0.0
            while n > 0 {
                let x = hi
                n -= 1
                let y = partials[n]
                hi = x + y
                let yr = hi - x
                lo = y - yr
                if lo != 0 { break }
            }
            if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                let y = lo * 2
                let x = hi + y
                let yr = x - hi
                if y == yr { hi = x }
            }
        }
        return hi
    }
}
