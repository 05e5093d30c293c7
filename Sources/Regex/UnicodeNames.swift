/// `unicodedata.lookup` for `\N{…}`: a character by its name or alias, in any letter case. The
/// table is built from Swift's Unicode data on the first `\N` escape, not at start-up.
enum UnicodeNames {
    nonisolated(unsafe) private static var table: [String: UInt32]?

    static func lookup(_ name: String) -> UInt32? {
        if table == nil {
            var t: [String: UInt32] = [:]
            t.reserveCapacity(300_000)
            for v in UInt32(0)...0x10FFFF {
                guard let u = Unicode.Scalar(v) else { continue }
                if let n = u.properties.name { t[n] = v }
                if let a = u.properties.nameAlias, t[a] == nil { t[a] = v }
            }
            table = t
        }
        return table?[name.uppercased()]
    }
}
