import Foundation
import Testing
@testable import Stdlib

/// Draws compared with CPython 3.11's `random` (Golden/random_core.json, made by
/// scripts/golden/make_random_golden.py).
@Suite struct MersenneTwisterTests {
    struct Case: Decodable {
        let seed: Seed
        let random: [Double]
        let bits: [[UInt64]]
        let state_head: [Int]
        enum Seed: Decodable {
            case int(Int), string(String), double(Double)
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: Key.self)
                switch try c.decode(String.self, forKey: .kind) {
                case "int": self = .int(try c.decode(Int.self, forKey: .value))
                case "str": self = .string(try c.decode(String.self, forKey: .value))
                default: self = .double(try c.decode(Double.self, forKey: .value))
                }
            }
            enum Key: String, CodingKey { case kind, value }
        }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "Golden/random_core", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func goldenFileLoads() { #expect(Self.cases.count >= 50) }

    @Test func drawsMatchCPython() {
        for c in Self.cases {
            let key: [UInt32]
            switch c.seed {
            case .int(let n): key = RandomSeed.key(n)
            case .string(let s): key = RandomSeed.key(bytes: Array(s.utf8))
            case .double(let d): key = RandomSeed.key(double: d)
            }
            var mt = MersenneTwister(key: key)
            #expect(Array(mt.snapshot.prefix(c.state_head.count)) == c.state_head, "state after seed(\(c.seed))")
            for expected in c.random { #expect(mt.nextDouble() == expected, "seed(\(c.seed))") }
            for pair in c.bits { #expect(mt.bits(Int(pair[0])) == pair[1], "getrandbits(\(pair[0])) after seed(\(c.seed))") }
        }
    }

    @Test func floatHashMatchesCPython() {
        // hash() values printed by CPython 3.11 (sys.hash_info.modulus = 2**61 - 1).
        #expect(PythonHash.double(1.5) == 1_152_921_504_606_846_977)
        #expect(PythonHash.double(-2.5) == -1_152_921_504_606_846_978)
        #expect(PythonHash.double(0.1) == 230_584_300_921_369_408)
        #expect(PythonHash.double(.infinity) == 314_159)
        #expect(PythonHash.double(-1.0) == -2)
    }

    @Test func restoreRefusesBadStates() {
        var mt = MersenneTwister(key: [1])
        #expect(throws: MersenneTwister.StateError.wrongSize) { try mt.restore(words: [1, 2]) }
        var words = mt.snapshot
        words[624] = 700
        #expect(throws: MersenneTwister.StateError.invalidPosition) { try mt.restore(words: words) }
        words[624] = 3
        try? mt.restore(words: words)
        #expect(mt.index == 3)
    }
}
