import Torch

/// `np.set_printoptions` state (numpy/_core/arrayprint.py's defaults).
public struct PrintOptions: Sendable {
    public var precision = 8
    public var threshold = 1000
    public var edgeItems = 3
    public var lineWidth = 75
    public var suppress = false
    public var nanStr = "nan"
    public var infStr = "inf"
    /// "-", "+" or " ".
    public var sign: Character = "-"
    /// "maxprec" (default), "fixed", "unique", "maxprec_equal".
    public var floatMode = "maxprec"
    public init() {}
}

/// numpy's `arrayprint`: `repr(arr)` and `str(arr)` for the six dtypes, byte for byte.
public struct ArrayPrinter {
    public var options: PrintOptions
    public init(options: PrintOptions) { self.options = options }

    /// One element, read from the strided storage.
    enum Element {
        case bool(Bool), int(Int64), float(Double)
    }

    static func element(_ t: Tensor, _ offset: Int) -> Element {
        let p = t.storage
        switch t.dtype {
        case .bool: return .bool(p.pointer(Bool.self)[offset])
        case .uint8: return .int(Int64(p.pointer(UInt8.self)[offset]))
        case .int32: return .int(Int64(p.pointer(Int32.self)[offset]))
        case .int64: return .int(p.pointer(Int64.self)[offset])
        case .float32: return .float(Double(p.pointer(Float.self)[offset]))
        case .float64: return .float(p.pointer(Double.self)[offset])
        }
    }

    /// The elements the printed text shows (all, or the edges of a summarised array), in order.
    func shownElements(_ t: Tensor, summarise: Bool) -> [Element] {
        var out = [Element]()
        func walk(_ axis: Int, _ offset: Int) {
            if axis == t.dim { out.append(Self.element(t, offset)); return }
            let n = t.shape[axis], s = t.strides[axis]
            let edge = options.edgeItems
            if summarise && 2 * edge < n {
                for i in 0..<edge { walk(axis + 1, offset + i * s) }
                for i in (n - edge)..<n { walk(axis + 1, offset + i * s) }
            } else {
                for i in 0..<n { walk(axis + 1, offset + i * s) }
            }
        }
        walk(0, t.offset)
        return out
    }

    // MARK: format functions

    struct Formatter {
        let format: (Element) -> String
    }

    func formatter(for t: Tensor, shown: [Element]) -> Formatter {
        switch t.dtype {
        case .bool:
            let trueStr = t.dim == 0 ? "True" : " True"
            return Formatter { e in if case .bool(let b) = e, b { return trueStr } else { return "False" } }
        case .uint8, .int32, .int64:
            let values = shown.compactMap { e -> Int64? in if case .int(let v) = e { return v } else { return nil } }
            var width = 0
            var sign = options.sign
            if let mx = values.max(), let mn = values.min() {
                var maxLen = String(mx).count
                if sign == " " && mn < 0 { sign = "-" }
                if mx >= 0 && (sign == "+" || sign == " ") { maxLen += 1 }
                width = Swift.max(maxLen, String(mn).count)
            }
            return Formatter { e in
                guard case .int(let v) = e else { return "" }
                var s = String(v)
                if v >= 0 && sign == "+" { s = "+" + s } else if v >= 0 && sign == " " { s = " " + s }
                return String(repeating: " ", count: Swift.max(0, width - s.count)) + s
            }
        case .float32, .float64:
            let isFloat32 = t.dtype == .float32
            let values = shown.compactMap { e -> Double? in if case .float(let v) = e { return v } else { return nil } }
            let f = FloatFormat(values, float32: isFloat32, options: options)
            return Formatter { e in if case .float(let v) = e { return f.format(v) } else { return "" } }
        }
    }

    /// arrayprint's `FloatingFormat`.
    struct FloatFormat {
        let float32: Bool
        let options: PrintOptions
        var expFormat = false
        var precision: Int?
        var minDigits = 0
        var padLeft = 0, padRight = 0, expSize = -1
        var trim: Character = "."
        var unique = true

        init(_ data: [Double], float32: Bool, options: PrintOptions) {
            self.float32 = float32
            self.options = options
            precision = options.floatMode == "unique" ? nil : options.precision
            let finite = data.filter { $0.isFinite }
            let absNonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
            // The tests run in the array's dtype, and float32 switches to scientific from 1e6
            // (`10**min(8, finfo.precision)`).
            if let mx = absNonZero.max(), let mn = absNonZero.min() {
                if float32 {
                    let x = Float(mx), n = Float(mn)
                    if x >= 1e6 || (!options.suppress && (n < Float(0.0001) || x / n > 1000)) { expFormat = true }
                } else if mx >= 1e8 || (!options.suppress && (mn < 0.0001 || mx / mn > 1000)) {
                    expFormat = true
                }
            }
            let fixed = options.floatMode == "fixed"
            if finite.isEmpty {
                padLeft = 0; padRight = 0; trim = "."; expSize = -1; unique = true; minDigits = 0
            } else if expFormat {
                let u = !fixed
                let strs = finite.map { sci($0, precision: precision, unique: u, trim: u ? "." : "k", minDigits: 0, padLeft: 0, expDigits: -1) }
                var maxFrac = 0, maxInt = 0, maxExp = 0
                for s in strs {
                    let (mant, expPart) = s.split(at: "e")
                    let (ip, fp) = mant.split(at: ".")
                    maxFrac = Swift.max(maxFrac, fp.count)
                    maxInt = Swift.max(maxInt, ip.count)
                    maxExp = Swift.max(maxExp, expPart.count)
                }
                expSize = maxExp - 1
                trim = "k"
                precision = maxFrac
                minDigits = maxFrac
                unique = u
                padLeft = maxInt
                padRight = expSize + 2 + maxFrac
            } else {
                let u = !fixed
                let strs = finite.map { pos($0, precision: precision, unique: u, trim: u ? "." : "k", minDigits: 0, padLeft: 0, padRight: 0) }
                var maxFrac = 0, maxInt = 0
                for s in strs {
                    let (ip, fp) = s.split(at: ".")
                    maxInt = Swift.max(maxInt, ip.count)
                    maxFrac = Swift.max(maxFrac, fp.count)
                }
                padLeft = maxInt
                padRight = maxFrac
                expSize = -1
                unique = u
                if fixed || options.floatMode == "maxprec_equal" {
                    precision = padRight; minDigits = padRight; trim = "k"
                } else {
                    trim = "."; minDigits = 0
                }
            }
            if options.sign == " " && !finite.contains(where: { $0.sign == .minus }) { padLeft += 1 }
            if data.count != finite.count {
                let negInf = options.sign != "-" || data.contains { $0.isInfinite && $0 < 0 }
                let offset = padRight + 1
                padLeft = Swift.max(padLeft, options.nanStr.count - offset, options.infStr.count + (negInf ? 1 : 0) - offset)
            }
        }

        func pos(_ x: Double, precision: Int?, unique: Bool, trim: Character, minDigits: Int, padLeft: Int, padRight: Int) -> String {
            let p = unique ? precision : (precision ?? 8)
            if float32 {
                return Dragon4.positional(Float(x), precision: p, minDigits: unique ? minDigits : Swift.max(minDigits, p ?? 0), trim: trim,
                                          sign: options.sign == "+", padLeft: padLeft, padRight: padRight)
            }
            return Dragon4.positional(x, precision: p, minDigits: unique ? minDigits : Swift.max(minDigits, p ?? 0), trim: trim,
                                      sign: options.sign == "+", padLeft: padLeft, padRight: padRight)
        }

        func sci(_ x: Double, precision: Int?, unique: Bool, trim: Character, minDigits: Int, padLeft: Int, expDigits: Int) -> String {
            if float32 {
                return Dragon4.scientific(Float(x), precision: precision, minDigits: minDigits, trim: trim,
                                          sign: options.sign == "+", padLeft: padLeft, expDigits: expDigits)
            }
            return Dragon4.scientific(x, precision: precision, minDigits: minDigits, trim: trim,
                                      sign: options.sign == "+", padLeft: padLeft, expDigits: expDigits)
        }

        func format(_ x: Double) -> String {
            if !x.isFinite {
                let ret: String
                if x.isNaN { ret = (options.sign == "+" ? "+" : "") + options.nanStr }
                else { ret = (x < 0 ? "-" : options.sign == "+" ? "+" : "") + options.infStr }
                return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - ret.count)) + ret
            }
            if expFormat {
                return sci(x, precision: precision, unique: unique, trim: trim, minDigits: minDigits, padLeft: padLeft, expDigits: expSize)
            }
            return pos(x, precision: precision, unique: unique, trim: trim, minDigits: minDigits, padLeft: padLeft, padRight: padRight)
        }
    }

    // MARK: layout (_formatArray)

    func formatArray(_ t: Tensor, lineWidth: Int, nextLinePrefix: String, separator: String, summarise: Bool) -> String {
        let shown = shownElements(t, summarise: summarise)
        let f = formatter(for: t, shown: shown)
        let summaryInsert = summarise ? "..." : ""
        let edge = options.edgeItems

        func extendLine(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ prefix: String) {
            var needsWrap = line.count + word.count > width
            if line.count <= prefix.count { needsWrap = false }
            if needsWrap {
                s += line.trimmingTrailingSpaces() + "\n"
                line = prefix
            }
            line += word
        }

        func recurse(_ axis: Int, _ offset: Int, _ hanging: String, _ currWidth: Int) -> String {
            if axis == t.dim { return f.format(Self.element(t, offset)) }
            let nextHanging = hanging + " "
            let nextWidth = currWidth - 1
            let n = t.shape[axis], step = t.strides[axis]
            let showSummary = !summaryInsert.isEmpty && 2 * edge < n
            let leading = showSummary ? edge : 0
            let trailing = showSummary ? edge : n
            let axesLeft = t.dim - axis
            var s = ""
            if axesLeft == 1 {
                let elemWidth = currWidth - Swift.max(separator.trimmingTrailingSpaces().count, 1)
                var line = hanging
                for i in 0..<leading {
                    let word = recurse(axis + 1, offset + i * step, nextHanging, nextWidth)
                    extendLine(&s, &line, word, elemWidth, hanging)
                    line += separator
                }
                if showSummary {
                    extendLine(&s, &line, summaryInsert, elemWidth, hanging)
                    line += separator
                }
                if trailing >= 2 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        let word = recurse(axis + 1, offset + (n - i) * step, nextHanging, nextWidth)
                        extendLine(&s, &line, word, elemWidth, hanging)
                        line += separator
                    }
                }
                let word = recurse(axis + 1, offset + (n - 1) * step, nextHanging, nextWidth)
                extendLine(&s, &line, word, elemWidth, hanging)
                s += line
            } else {
                let lineSep = separator.trimmingTrailingSpaces() + String(repeating: "\n", count: axesLeft - 1)
                for i in 0..<leading {
                    s += hanging + recurse(axis + 1, offset + i * step, nextHanging, nextWidth) + lineSep
                }
                if showSummary { s += hanging + summaryInsert + lineSep }
                if trailing >= 2 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        s += hanging + recurse(axis + 1, offset + (n - i) * step, nextHanging, nextWidth) + lineSep
                    }
                }
                s += hanging + recurse(axis + 1, offset + (n - 1) * step, nextHanging, nextWidth)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(0, t.offset, nextLinePrefix, lineWidth)
    }

    /// `array2string(a, separator, prefix, suffix)`.
    public func array2string(_ t: Tensor, separator: String, prefix: String, suffix: String) -> String {
        let lineWidth = options.lineWidth - suffix.count
        if t.numel == 0 { return "[]" }
        let summarise = t.numel > options.threshold
        return formatArray(t, lineWidth: lineWidth, nextLinePrefix: " " + String(repeating: " ", count: prefix.count),
                           separator: separator, summarise: summarise)
    }

    /// `repr(arr)`: `array([...], dtype=…)`.
    public func repr(_ t: Tensor) -> String {
        let prefix = "array("
        let body = array2string(t, separator: ", ", prefix: prefix, suffix: ")")
        var extras = [String]()
        if (t.numel == 0 && t.shape != [0]) || t.numel > options.threshold {
            extras.append("shape=\(Self.shapeText(t.shape))")
        }
        let implied = t.dtype == .float64 || t.dtype == .int64 || t.dtype == .bool
        if !implied || t.numel == 0 { extras.append("dtype=\(t.dtype.numpyName)") }
        if extras.isEmpty { return prefix + body + ")" }
        let arrStr = prefix + body + ","
        let extraStr = extras.joined(separator: ", ") + ")"
        let lastLineLen = arrStr.count - ((arrStr.lastIndex(of: "\n").map { arrStr.distance(from: arrStr.startIndex, to: $0) } ?? -1) + 1)
        let spacer = lastLineLen + extraStr.count + 1 > options.lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return arrStr + spacer + extraStr
    }

    /// `str(arr)`: `[...]` (a 0-d array prints as its scalar).
    public func str(_ t: Tensor) -> String {
        if t.dim == 0 { return Self.scalarStr(t) }
        return array2string(t, separator: " ", prefix: "", suffix: "")
    }

    /// A Python tuple's text: `(2,)`, `(0, 3)`.
    public static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    // MARK: scalars

    /// `str(np.float64(x))`: Python's float repr rules (positional for 1e-4 ≤ |x| < 1e16, else
    /// scientific); float32 the same with its own shortest digits and a window of 1e-4 ≤ |x| < 1e6.
    public static func scalarStr(_ t: Tensor) -> String {
        let e = element(t, t.offset)
        switch e {
        case .bool(let b): return b ? "True" : "False"
        case .int(let v): return String(v)
        case .float(let v): return floatScalarText(v, float32: t.dtype == .float32)
        }
    }

    public static func floatScalarText(_ v: Double, float32: Bool) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let a = Swift.abs(v)
        if a == 0 || (a >= 1e-4 && a < (float32 ? 1e6 : 1e16)) {
            return float32 ? Dragon4.positional(Float(v), precision: nil, trim: "0") : Dragon4.positional(v, precision: nil, trim: "0")
        }
        return float32 ? Dragon4.scientific(Float(v), precision: nil, trim: "-") : Dragon4.scientific(v, precision: nil, trim: "-")
    }

    /// `repr(np.float32(1.5))` → `np.float32(1.5)`, `np.True_`, `np.int64(3)`.
    public static func scalarRepr(_ t: Tensor) -> String {
        if t.dtype == .bool, case .bool(let b) = element(t, t.offset) { return b ? "np.True_" : "np.False_" }
        return "np.\(t.dtype.numpyName)(\(scalarStr(t)))"
    }
}

extension String {
    func split(at c: Character) -> (String, String) {
        guard let i = firstIndex(of: c) else { return (self, "") }
        return (String(self[..<i]), String(self[index(after: i)...]))
    }

    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
