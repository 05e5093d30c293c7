import Foundation
import Stdlib

/// `_random.Random`: the Mersenne Twister core under `random.Random` (Library/RandomLibrary.swift),
/// as CPython splits it: seeding, `random()`, `getrandbits()` and the state are Swift; the
/// distributions are Python written over them, so every draw follows CPython's order.
final class RandomCore: PyObject {
    var generator = MersenneTwister(key: [0])

    override init() {
        super.init()
        seedFromEntropy()
    }

    override var typeName: String { "_random.Random" }
    override func repr() -> String { "<_random.Random object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }
    override var memberNames: [String] { ["seed", "random", "getrandbits", "getstate", "setstate"] }

    /// `seed(None)`: 624 words from the system's entropy, as CPython reads `urandom`.
    func seedFromEntropy() {
        var rng = SystemRandomNumberGenerator()
        generator.seed(key: (0..<MersenneTwister.stateSize).map { _ in UInt32.random(in: .min ... .max, using: &rng) })
    }

    func seed(_ a: Value) throws {
        switch a {
        case .none: seedFromEntropy()
        case .bool(let b): generator.seed(key: RandomSeed.key(b ? 1 : 0))
        case .int(let n): generator.seed(key: RandomSeed.key(n))
        case .float(let d):
            // CPython seeds from hash(d); a NaN hashes by identity there, so its draws are not reproducible either.
            if d.isNaN { seedFromEntropy() } else { generator.seed(key: RandomSeed.key(double: d)) }
        case .str(let s): generator.seed(key: RandomSeed.key(bytes: Array(s.utf8)))
        case .object(let b as PyBytes): generator.seed(key: RandomSeed.key(bytes: b.bytes))
        case .object(let big as BigIntObject):
            // init_by_array over |a|'s 32-bit words, least significant first.
            var key: [UInt32] = []
            for w in big.value.magnitude.words {
                key.append(UInt32(truncatingIfNeeded: w))
                key.append(UInt32(truncatingIfNeeded: w >> 32))
            }
            while key.count > 1, key.last == 0 { key.removeLast() }
            generator.seed(key: key)
        default:
            throw PythonError.type("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    override func attribute(_ name: String) throws -> Value? {
        let receiver = "_random.Random object"
        switch name {
        case "seed":
            return .builtin(Builtin("seed", receiver: receiver) { [unowned self] args in
                guard args.keywords.isEmpty else { throw PythonError.type("Random.seed() takes no keyword arguments") }
                guard args.positional.count <= 1 else { throw PythonError.type("seed expected at most 1 argument, got \(args.positional.count)") }
                try self.seed(args.positional.first ?? .none)
                return .none
            })
        case "random":
            return .builtin(Builtin("random", receiver: receiver) { [unowned self] args in
                guard args.positional.isEmpty, args.keywords.isEmpty else {
                    throw PythonError.type("Random.random() takes no arguments (\(args.positional.count + args.keywords.count) given)")
                }
                return .float(self.generator.nextDouble())
            })
        case "getrandbits":
            return .builtin(Builtin("getrandbits", receiver: receiver) { [unowned self] args in
                guard args.keywords.isEmpty, args.positional.count == 1 else {
                    throw PythonError.type("Random.getrandbits() takes exactly one argument (\(args.positional.count) given)")
                }
                let k: Int
                switch args.positional[0] {
                case .int(let n): k = n
                case .bool(let b): k = b ? 1 : 0
                case let v: throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
                }
                if k < 0 { throw PythonError.value("number of bits must be non-negative") }
                if k > 63 {
                    throw PythonError.overflow("getrandbits(\(k)) needs an integer wider than 64 bits, which nnsh does not have yet")
                }
                return .int(Int(self.generator.bits(k)))
            })
        case "getstate":
            return .builtin(Builtin("getstate", receiver: receiver) { [unowned self] _ in
                .tuple(self.generator.snapshot.map { .int($0) })
            })
        case "setstate":
            return .builtin(Builtin("setstate", receiver: receiver) { [unowned self] args in
                guard args.positional.count == 1, case .tuple(let items) = args.positional[0] else {
                    throw PythonError.type("state vector must be a tuple")
                }
                var words: [Int] = []
                for item in items {
                    guard case .int(let w) = item else { throw PythonError.type("'\(item.typeName)' object cannot be interpreted as an integer") }
                    words.append(w)
                }
                do { try self.generator.restore(words: words) } catch let error as MersenneTwister.StateError {
                    throw error == .wordOutOfRange ? PythonError.overflow(error.message) : PythonError.value(error.message)
                }
                return .none
            })
        default: return nil
        }
    }
}

extension Interpreter {
    /// `_random`: the core type, and the helpers `random.py` needs from Swift.
    func makeRandomCoreModule() -> Namespace {
        let ns = Namespace("_random")
        ns.members["Random"] = .builtin(Builtin("Random") { args in
            let core = RandomCore()
            if let a = args.positional.first { try core.seed(a) }
            return .object(core)
        })
        // What collections.abc.Sequence admits among nnsh's types (random.sample refuses the rest).
        ns.members["_is_sequence"] = .builtin(Builtin("_is_sequence") { args in
            switch args.positional.first ?? .none {
            case .list, .tuple, .str, .range, .size: return .bool(true)
            case .object(let i as PyInstance):
                return .bool(i.type.mro.contains { ["list", "tuple", "str", "range"].contains($0.name) && !$0.isUserClass })
            default: return .bool(false)
            }
        })
        ns.members["_urandom_double"] = .builtin(Builtin("_urandom_double") { _ in
            var rng = SystemRandomNumberGenerator()
            return .float(Double(rng.next() >> 11) * 0x1p-53)
        })
        ns.members["_urandom_bits"] = .builtin(Builtin("_urandom_bits") { args in
            guard case .int(let k)? = args.positional.first, k >= 0, k <= 63 else {
                throw PythonError.value("number of bits must be between 0 and 63 in nnsh")
            }
            var rng = SystemRandomNumberGenerator()
            return .int(k == 0 ? 0 : Int(rng.next() >> UInt64(64 - k)))
        })
        return ns
    }
}
