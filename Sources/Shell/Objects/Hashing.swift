import Foundation

/// Python's `hash()` for the values nnsh's dicts and sets hold, as CPython 3.11 computes it where the
/// value is visible (ints, floats, tuples: `hash(2**61)`, `hash(0.5)` and set iteration order follow
/// from these), and by identity for objects. Strings hash with FNV-1a: CPython randomises str hashes
/// per process, so no program can depend on their values, only on equal strings hashing equally.
///
/// Equal values hash equally across kinds (`1 == 1.0 == True`, `torch.Size([2]) == (2,)`), which the
/// dict and set tables rely on. Instances of user classes hash through their `__hash__`
/// (`instanceHash`); the caller has already refused unhashable ones, and one whose `__hash__` fails
/// here lands in bucket 0, which only costs speed.
func pythonHash(_ v: Value) -> Int {
    switch v {
    case .none: return 0x7_4f3f_d2b4
    case .ellipsis: return 0x7_4f3f_d2c4
    case .bool(let b): return b ? 1 : 0
    case .int(let n): return pythonIntHash(n)
    case .float(let d): return pythonFloatHash(d)
    case .str(let s): return Name(s).hash
    case .tuple(let items): return pythonTupleHash(items.map(pythonHash))
    case .size(let dims): return pythonTupleHash(dims.map(pythonIntHash))
    case .range(let a, let b, let c): return pythonTupleHash([pythonIntHash(a), pythonIntHash(b), pythonIntHash(c)])
    case .dtype(let d): return Name("dtype:\(d)").hash
    case .tensor(let t): return objectID(t) >> 4
    case .module(let m): return objectID(m) >> 4
    case .namespace(let n): return objectID(n) >> 4
    case .function(let f): return objectID(f) >> 4
    // A builtin and a builtin type object of the same name are equal (`type(x) == torch.Tensor`).
    case .builtin(let b): return Name(b.name).hash
    case .object(let t as PyType) where !t.isUserClass: return Name(t.name).hash
    case .object(let i as PyInstance):
        guard let interp = i.type.interpreter, let h = try? interp.hashValue(v) else { return 0 }
        return h
    case .object(let b as BigIntObject): return BigIntObject.hash(b.value)
    case .object(let b as PyBytes): return PyBytes.hash(b.bytes)
    case .object(let d as DeviceObject): return Name("device:\(d.kind):\(d.index ?? -1)").hash
    case .object(is BoundMethod): return 0
    case .object(let o): return objectID(o) >> 4
    case .list, .dict, .set, .slice: return 0
    }
}

/// CPython's int hash: the value modulo the Mersenne prime 2**61 - 1, sign kept, -1 becomes -2.
func pythonIntHash(_ n: Int) -> Int {
    let p = (1 << 61) - 1
    var h = Int(n.magnitude % UInt(p))
    if n < 0 { h = -h }
    return h == -1 ? -2 : h
}

/// CPython's `_Py_HashDouble`: the float's exact rational value modulo 2**61 - 1, so an integral
/// float hashes as the int it equals. `nan` hashes by identity in CPython; a value has none here, so
/// all NaNs share one hash (they never compare equal, so they stay distinct keys).
func pythonFloatHash(_ d: Double) -> Int {
    if d.isNaN { return 0 }
    if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
    if d == d.rounded(), Swift.abs(d) < 9.2e18 { return pythonIntHash(Int(d)) }
    let bits = 61, modulus: UInt = (1 << 61) - 1
    var e32: Int32 = 0
    var m = frexp(d, &e32)
    var e = Int(e32)
    var sign = 1
    if m < 0 { sign = -1; m = -m }
    var x: UInt = 0
    while m != 0 {
        x = ((x << 28) & modulus) | x >> (bits - 28)
        m *= 268_435_456.0
        e -= 28
        let y = UInt(m)
        m -= Double(y)
        x += y
        if x >= modulus { x -= modulus }
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
    x = ((x << UInt(e)) & modulus) | x >> UInt(bits - e)
    let h = Int(x) * sign
    return h == -1 ? -2 : h
}

/// CPython's xxHash-based tuple hash (Objects/tupleobject.c) over the items' hashes.
func pythonTupleHash(_ hashes: [Int]) -> Int {
    var acc: UInt64 = 2_870_177_450_012_600_261
    for h in hashes {
        let lane = UInt64(bitPattern: Int64(h))
        acc = acc &+ lane &* 14_029_467_366_897_019_727
        acc = (acc << 31) | (acc >> 33)
        acc = acc &* 11_400_714_785_074_694_791
    }
    acc = acc &+ (UInt64(hashes.count) ^ (2_870_177_450_012_600_261 ^ 3_527_539))
    let h = Int(bitPattern: UInt(acc))
    return h == -1 ? 1_546_275_796 : h
}
