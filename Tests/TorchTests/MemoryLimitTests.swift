import Testing
@testable import Torch

/// `NNSH_MAX_MEMORY`'s spellings (issue 25): the usual unit forms are sizes, anything else is refused.
@Suite struct MemoryLimitTests {
    @Test func acceptsTheUsualSpellings() {
        #expect(MemoryLimit.parse("123") == 123)
        #expect(MemoryLimit.parse("512M") == 512 << 20)
        #expect(MemoryLimit.parse("512MiB") == 512 << 20)
        #expect(MemoryLimit.parse("512mb") == 512 << 20)
        #expect(MemoryLimit.parse("2GiB") == 2 << 30)
        #expect(MemoryLimit.parse("1 G") == 1 << 30)
        #expect(MemoryLimit.parse("1.5G") == 3 << 29)
        #expect(MemoryLimit.parse("4k") == 4096)
        #expect(MemoryLimit.parse("1T") == 1 << 40)
    }

    @Test func refusesTheRest() {
        for bad in ["abc", "-1", "1e999", "nan", "inf", "", "G", "1X", "1e3", "2GG", "--1"] {
            #expect(MemoryLimit.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func defaultIsPositive() {
        #expect(MemoryLimit.systemDefault() > 0)
    }
}
