// Target "regex": bytes as a Python pattern, its flags and a subject — sre_parse's grammar in the
// Regex module (every error path, group bookkeeping, verbose mode, escapes), the translation to
// PCRE2 and PCRE2's compile, then matching (search, match, fullmatch, the finditer scanner with
// pos/endpos) and a replacement template. Every input must end in a match, no match or a
// RegexError, never a trap or a sanitizer report. Layout: byte 0 flags, byte 1 str/bytes, then
// pattern NUL subject NUL template (UTF-8 for str patterns). Seeds: Fuzz/seeds/regex.
import Foundation
import Regex

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The sre flag bits without DEBUG and TEMPLATE, which nnsh refuses up front.
    let flags = RegexFlags(rawValue: Int(bytes[0]) & (2 | 4 | 8 | 16 | 32 | 64) | (bytes[1] & 2 != 0 ? 256 : 0))
    let isText = bytes[1] & 1 == 0
    let parts = bytes[2...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    func units(_ b: [UInt8]) -> [UInt32] {
        isText ? String(decoding: b, as: UTF8.self).unicodeScalars.map(\.value) : b.map(UInt32.init)
    }
    let pattern = units(parts[0])
    let subject = parts.count > 1 ? units(parts[1]) : Array("abc aab\nxyz 123".unicodeScalars.map(\.value))
    guard let regex = try? CompiledRegex(pattern, isText: isText, flags: flags) else { return 0 }
    let n = subject.count
    _ = try? regex.match(subject, start: 0, end: n, anchoring: .search)
    _ = try? regex.match(subject, start: 0, end: n, anchoring: .match)
    _ = try? regex.match(subject, start: 0, end: n, anchoring: .fullMatch)
    _ = try? regex.match(subject, start: n / 2, end: n - n / 4, anchoring: .search)
    var scanner = MatchScanner(start: 0, end: n)
    var count = 0
    while count < 1000, let m = try? scanner.next(regex, subject) {
        precondition(m.count == 2 * (regex.groups + 1) && m[0] <= m[1] && m[1] <= n)
        count += 1
    }
    if parts.count > 2 {
        _ = try? ReplacementTemplate(units(parts[2]), isText: isText, groups: regex.groups, groupNames: regex.groupNames)
    }
    return 0
}
