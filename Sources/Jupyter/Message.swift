import Crypto
import Foundation

/// A Jupyter connection file (`kernel-*.json`): where the five channels listen and the signing key.
public struct ConnectionInfo: Sendable {
    public var transport = "tcp", ip = "127.0.0.1"
    public var shellPort = 0, iopubPort = 0, stdinPort = 0, controlPort = 0, hbPort = 0
    public var key = "", signatureScheme = "hmac-sha256"

    public init(json: Data) throws {
        guard let o = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw KernelError("the connection file is not a JSON object")
        }
        transport = o["transport"] as? String ?? "tcp"
        ip = o["ip"] as? String ?? "127.0.0.1"
        func port(_ k: String) throws -> Int {
            guard let p = o[k] as? Int else { throw KernelError("the connection file has no \(k)") }
            return p
        }
        shellPort = try port("shell_port"); iopubPort = try port("iopub_port"); stdinPort = try port("stdin_port")
        controlPort = try port("control_port"); hbPort = try port("hb_port")
        key = o["key"] as? String ?? ""
        signatureScheme = o["signature_scheme"] as? String ?? "hmac-sha256"
        if !key.isEmpty && signatureScheme != "hmac-sha256" {
            throw KernelError("signature scheme \(signatureScheme) is not supported (hmac-sha256 is)")
        }
    }

    /// `tcp://127.0.0.1:5555`, or `ipc://IP-PORT` for the ipc transport (Jupyter's naming).
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "\(transport)://\(ip):\(port)"
    }
}

public struct KernelError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// HMAC-SHA256 over the four JSON parts, as hex (an empty key signs nothing).
public struct MessageSigner: @unchecked Sendable {
    let key: SymmetricKey?
    public init(key: String) { self.key = key.isEmpty ? nil : SymmetricKey(data: Array(key.utf8)) }

    public func sign(_ parts: [[UInt8]]) -> String {
        guard let key else { return "" }
        var h = HMAC<SHA256>(key: key)
        for p in parts { h.update(data: p) }
        return Data(h.finalize()).map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time check of a received signature.
    public func verify(_ signature: String, _ parts: [[UInt8]]) -> Bool {
        guard key != nil else { return true }
        let expected = Array(sign(parts).utf8), given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(expected, given) { diff |= a ^ b }
        return diff == 0
    }
}

/// One protocol message: the routing identities and the four dictionaries (plus raw buffers).
public struct JupyterMessage {
    public var identities: [[UInt8]] = []
    public var header: [String: Any]
    public var parentHeader: [String: Any] = [:]
    public var metadata: [String: Any] = [:]
    public var content: [String: Any] = [:]
    public var buffers: [[UInt8]] = []

    public var type: String { header["msg_type"] as? String ?? "" }

    static let delimiter = Array("<IDS|MSG>".utf8)

    /// A new message of `type` (a reply or a broadcast) for the request `parent`.
    public init(type: String, session: String, parent: JupyterMessage?, content: [String: Any], metadata: [String: Any] = [:]) {
        header = [
            "msg_id": UUID().uuidString.lowercased(), "session": session, "username": "nnsh",
            "date": JupyterMessage.timestamp(), "msg_type": type, "version": "5.3",
        ]
        parentHeader = parent?.header ?? [:]
        identities = parent?.identities ?? []
        self.content = content
        self.metadata = metadata
    }

    static func timestamp() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var t = time_t(tv.tv_sec)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday,
                      tmv.tm_hour, tmv.tm_min, tmv.tm_sec, Int32(tv.tv_usec))
    }

    /// Parses and checks the wire frames: identities, `<IDS|MSG>`, signature, four JSON parts, buffers.
    public init(frames: [[UInt8]], signer: MessageSigner) throws {
        guard let d = frames.firstIndex(of: JupyterMessage.delimiter) else { throw KernelError("no <IDS|MSG> delimiter") }
        guard frames.count >= d + 6 else { throw KernelError("a message needs a signature and four parts") }
        identities = Array(frames[..<d])
        let signature = String(decoding: frames[d + 1], as: UTF8.self)
        let parts = Array(frames[(d + 2)..<(d + 6)])
        guard signer.verify(signature, parts) else { throw KernelError("bad message signature") }
        func dict(_ b: [UInt8]) throws -> [String: Any] {
            if b.isEmpty { return [:] }
            guard let o = try JSONSerialization.jsonObject(with: Data(b)) as? [String: Any] else { throw KernelError("a message part is not a JSON object") }
            return o
        }
        header = try dict(parts[0])
        parentHeader = try dict(parts[1])
        metadata = try dict(parts[2])
        content = try dict(parts[3])
        buffers = Array(frames[(d + 6)...])
    }

    public func frames(_ signer: MessageSigner) throws -> [[UInt8]] {
        func json(_ o: [String: Any]) throws -> [UInt8] {
            Array(try JSONSerialization.data(withJSONObject: JupyterMessage.sanitized(o) as Any, options: [.sortedKeys]))
        }
        let parts = [try json(header), try json(parentHeader), try json(metadata), try json(content)]
        return identities + [JupyterMessage.delimiter, Array(signer.sign(parts).utf8)] + parts + buffers
    }

    /// JSON-safe values (NaN and infinities are not JSON; Jupyter's `json_clean` makes them strings).
    static func sanitized(_ v: Any) -> Any {
        switch v {
        case let d as [String: Any]: return d.mapValues { sanitized($0) }
        case let a as [Any]: return a.map { sanitized($0) }
        case let x as Double where !x.isFinite: return "\(x)"
        default: return v
        }
    }
}
