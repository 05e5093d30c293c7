/// The zip container of PyTorch's checkpoint format: uncompressed ("stored") records, each record's
/// data aligned to 64 bytes with padding in the local header's extra field (as PyTorch's
/// `PyTorchStreamWriter` writes it), and a reader for such archives (any stored zip, really).
struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let headerEnd = bytes.count + 30 + nameBytes.count
        // Extra field "FB" (id 0x4246) of zeros pads the data start to a multiple of 64.
        var pad = (64 - (headerEnd + 4) % 64) % 64
        if headerEnd % 64 == 0 { pad = -4 }
        let extraLength = pad < 0 ? 0 : pad + 4
        let crc = CRC32.checksum(data)
        let offset = bytes.count
        bytes += le32(0x04034b50) + le16(0) + le16(0) + le16(0) + le16(0) + le16(0x21)
        bytes += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(UInt16(extraLength))
        bytes += nameBytes
        if extraLength > 0 { bytes += le16(0x4246) + le16(UInt16(pad)) + [UInt8](repeating: 0, count: pad) }
        bytes += data
        central += le32(0x02014b50) + le16(0) + le16(0) + le16(0) + le16(0) + le16(0) + le16(0x21)
        central += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0) + le16(0)
        central += le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
        count += 1
    }

    /// The archive with its central directory and end record.
    func finished() -> [UInt8] {
        var out = bytes
        let centralOffset = out.count
        out += central
        out += le32(0x06054b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
        out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        return out
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
}

/// The records of a zip archive by name. Only stored (uncompressed) records can be read; every
/// offset and length is checked against the file, and each record's CRC against its data.
struct ZipReader {
    let records: [String: Range<Int>]
    let order: [String]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw ZipReader.corrupt() }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int {
            guard at >= 0, at + 4 <= bytes.count else { throw ZipReader.corrupt() }
            return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        var end = -1
        var i = bytes.count - 22
        while i >= Swift.max(0, bytes.count - 22 - 65_535) {
            if try u32(i) == 0x06054b50 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw ZipReader.corrupt() }
        let entries = try u16(end + 10), centralOffset = try u32(end + 16)
        var records = [String: Range<Int>](), order = [String]()
        var p = centralOffset
        for _ in 0..<entries {
            guard try u32(p) == 0x02014b50 else { throw ZipReader.corrupt() }
            let method = try u16(p + 10), crc = try u32(p + 16), size = try u32(p + 20), stored = try u32(p + 24)
            let nameLength = try u16(p + 28), extraLength = try u16(p + 30), commentLength = try u16(p + 32)
            let local = try u32(p + 42)
            guard p + 46 + nameLength <= bytes.count else { throw ZipReader.corrupt() }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            guard method == 0, size == stored else {
                throw PythonError.runtime("nnsh reads checkpoints whose records are stored uncompressed, as torch.save writes them; '\(name)' is compressed")
            }
            guard try u32(local) == 0x04034b50 else { throw ZipReader.corrupt() }
            let start = local + 30 + (try u16(local + 26)) + (try u16(local + 28))
            guard start >= 0, start + size <= bytes.count else { throw ZipReader.corrupt() }
            if CRC32.checksum(bytes[start..<(start + size)]) != UInt32(crc) {
                throw PythonError.runtime("PytorchStreamReader failed reading file \(name): invalid crc")
            }
            records[name] = start..<(start + size)
            order.append(name)
            p += 46 + nameLength + extraLength + commentLength
        }
        self.records = records
        self.order = order
    }

    func data(_ name: String) -> [UInt8]? { records[name].map { Array(bytes[$0]) } }

    static func corrupt() -> PythonError {
        PythonError.runtime("PytorchStreamReader failed reading zip archive: failed finding central directory")
    }
}

/// CRC-32 (IEEE 802.3, reflected, as zip uses it).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }
    static func checksum<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xffffffff
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffffffff
    }
}
