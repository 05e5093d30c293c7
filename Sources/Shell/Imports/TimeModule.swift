import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `_time` and `_platform`: the system calls under the Python-written `time` and `platform`
/// (Library/TimeLibrary.swift, PlatformLibrary.swift): clocks, sleeping, calendar conversion
/// and `strftime` through the C library, as CPython's `time` module calls them.
extension Interpreter {
    func makeTimeCoreModule() -> Namespace {
        let ns = Namespace("_time")
        func clock(_ name: String, _ id: clockid_t, nanoseconds: Bool = false) {
            ns.members[name] = .builtin(Builtin(name) { args in
                _ = try args.bind(name, [])
                var ts = timespec()
                clock_gettime(id, &ts)
                if nanoseconds { return .int(Int(ts.tv_sec) &* 1_000_000_000 &+ Int(ts.tv_nsec)) }
                return .float(Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9)
            })
        }
        clock("time", CLOCK_REALTIME)
        clock("time_ns", CLOCK_REALTIME, nanoseconds: true)
        clock("monotonic", CLOCK_MONOTONIC)
        clock("monotonic_ns", CLOCK_MONOTONIC, nanoseconds: true)
        clock("perf_counter", CLOCK_MONOTONIC)
        clock("perf_counter_ns", CLOCK_MONOTONIC, nanoseconds: true)
        clock("process_time", CLOCK_PROCESS_CPUTIME_ID)
        clock("process_time_ns", CLOCK_PROCESS_CPUTIME_ID, nanoseconds: true)
        ns.members["sleep"] = .builtin(Builtin("sleep") { args in
            let b = try args.bind("sleep", ["secs"], required: 1)
            let secs: Double
            switch b.values["secs"]! {
            case .int(let i): secs = Double(i)
            case .float(let d): secs = d
            case .bool(let v): secs = v ? 1 : 0
            case let v: throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            guard !secs.isNaN else { throw PythonError.value("Invalid value NaN (not a number)") }
            guard secs >= 0 else { throw PythonError.value("sleep length must be non-negative") }
            guard secs < 9.2e9 else { throw PythonError.overflow("timestamp too large to convert to C _PyTime_t") }
            // In slices, so Ctrl-C interrupts a long sleep as it does CPython's.
            var left = secs
            while left > 0 {
                if Interpreter.interruptRequested { break }
                let slice = Swift.min(left, 0.05)
                var ts = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
                nanosleep(&ts, nil)
                left -= slice
            }
            return .none
        })
        // Calendar fields as CPython's struct_time orders them, plus the zone name and offset.
        func fields(_ t: tm) -> Value {
            let zone = t.tm_zone.map { String(cString: $0) } ?? "UTC"
            return .tuple([.int(Int(t.tm_year) + 1900), .int(Int(t.tm_mon) + 1), .int(Int(t.tm_mday)), .int(Int(t.tm_hour)),
                           .int(Int(t.tm_min)), .int(Int(t.tm_sec)), .int((Int(t.tm_wday) + 6) % 7), .int(Int(t.tm_yday) + 1),
                           .int(Int(t.tm_isdst)), .str(zone), .int(Int(t.tm_gmtoff))])
        }
        func seconds(_ v: Value?) throws -> time_t {
            switch v {
            case nil, .none?:
                return time(nil)
            case .int(let i)?: return time_t(i)
            case .float(let d)?:
                guard d.isFinite, Swift.abs(d) < 1e15 else { throw PythonError.overflow("timestamp out of range for platform time_t") }
                return time_t(d.rounded(.down))
            case let v?: throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        for (name, convert) in [("localtime", localtime_r), ("gmtime", gmtime_r)] as [(String, (UnsafePointer<time_t>, UnsafeMutablePointer<tm>) -> UnsafeMutablePointer<tm>?)] {
            ns.members[name] = .builtin(Builtin(name) { args in
                var t = try seconds(try args.bind(name, ["seconds"]).values["seconds"])
                var out = tm()
                guard convert(&t, &out) != nil else { throw PythonError.overflow("timestamp out of range for platform time_t") }
                return fields(out)
            })
        }
        /// A 9-field tuple back to C's `tm`.
        func cTime(_ v: Value, _ function: String) throws -> tm {
            let items = try iterate(v)
            guard items.count >= 9 else { throw PythonError.type("\(function)(): illegal time tuple argument") }
            let n = try items.prefix(9).map { v -> Int32 in
                guard case .int(let i) = v, let c = Int32(exactly: i) else { throw PythonError.type("an integer is required (got type \(v.typeName))") }
                return c
            }
            var t = tm()
            t.tm_year = n[0] - 1900; t.tm_mon = n[1] - 1; t.tm_mday = n[2]; t.tm_hour = n[3]; t.tm_min = n[4]
            t.tm_sec = n[5]; t.tm_wday = (n[6] + 1) % 7; t.tm_yday = n[7] - 1; t.tm_isdst = n[8]
            return t
        }
        ns.members["strftime"] = .builtin(Builtin("strftime") { args in
            let b = try args.bind("strftime", ["format", "t"], required: 2)
            guard case .str(let format) = b.values["format"]! else {
                throw PythonError.type("strftime() argument 1 must be str, not \(b.values["format"]!.typeName)")
            }
            var t = try cTime(b.values["t"]!, "strftime")
            guard t.tm_mon >= 0 && t.tm_mon <= 11 else { throw PythonError.value("month out of range") }
            guard t.tm_mday >= 0 && t.tm_mday <= 31 else { throw PythonError.value("day of month out of range") }
            guard t.tm_hour >= 0 && t.tm_hour <= 23 else { throw PythonError.value("hour out of range") }
            guard t.tm_min >= 0 && t.tm_min <= 59 else { throw PythonError.value("minute out of range") }
            guard t.tm_sec >= 0 && t.tm_sec <= 61 else { throw PythonError.value("seconds out of range") }
            if format.isEmpty { return .str("") }
            guard format.utf8.count < 4096 else { throw PythonError.value("strftime format is too long for nnsh") }
            var buffer = [CChar](repeating: 0, count: 8192)
            let n = strftime(&buffer, buffer.count, format, &t)
            return .str(String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        })
        ns.members["mktime"] = .builtin(Builtin("mktime") { args in
            var t = try cTime(try args.bind("mktime", ["t"], required: 1).values["t"]!, "mktime")
            let s = mktime(&t)
            guard s != -1 else { throw PythonError.overflow("mktime argument out of range") }
            return .float(Double(s))
        })
        return ns
    }

    func makePlatformCoreModule() -> Namespace {
        let ns = Namespace("_platform")
        var u = utsname()
        uname(&u)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        ns.members["uname"] = .tuple([.str(text(u.sysname)), .str(text(u.nodename)), .str(text(u.release)),
                                      .str(text(u.version)), .str(text(u.machine))])
        // "glibc 2.36": the C library's name and version (what platform.libc_ver() reports).
        var buffer = [CChar](repeating: 0, count: 64)
        let n = confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count)
        ns.members["libc"] = .str(n > 0 ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "")
        return ns
    }
}

extension Interpreter {
    /// `_psutil`: what the Python-written `psutil` (Library/PsutilLibrary.swift) reads: Linux's
    /// /proc files (small text files, read whole), the page size and the process id.
    func makePsutilCoreModule() -> Namespace {
        let ns = Namespace("_psutil")
        ns.members["read_proc"] = .builtin(Builtin("read_proc") { args in
            let b = try args.bind("read_proc", ["name"], required: 1)
            guard case .str(let name) = b.values["name"]!, !name.contains(".."), !name.hasPrefix("/") else {
                throw PythonError.value("read_proc: a path under /proc is required")
            }
            guard let data = FileManager.default.contents(atPath: "/proc/" + name) else {
                throw PythonError("FileNotFoundError", "[Errno 2] No such file or directory: '/proc/\(name)'")
            }
            return .str(String(decoding: data.prefix(1 << 20), as: UTF8.self))
        })
        ns.members["page_size"] = .int(Int(sysconf(Int32(_SC_PAGESIZE))))
        ns.members["clock_ticks"] = .int(Int(sysconf(Int32(_SC_CLK_TCK))))
        ns.members["pid"] = .int(Int(getpid()))
        ns.members["cpu_count"] = .int(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        return ns
    }
}
