import CZMQ
import Foundation

/// A ZeroMQ error, with libzmq's text.
public struct ZMQError: Error, CustomStringConvertible {
    public let description: String
    static func last(_ what: String) -> ZMQError {
        ZMQError(description: "\(what): \(String(cString: zmq_strerror(zmq_errno())))")
    }
}

/// One libzmq context for the kernel's sockets.
public final class ZMQContext: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    public init() throws {
        guard let c = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        raw = c
    }
    deinit { zmq_ctx_term(raw) }
}

/// A ZeroMQ socket sending and receiving multipart messages (frames of bytes).
public final class ZMQSocket: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    public let context: ZMQContext

    public enum Kind: Int32 { case router = 6, pub = 1, rep = 4, dealer = 5, req = 3, sub = 2 }

    public init(_ context: ZMQContext, _ kind: Kind) throws {
        guard let s = zmq_socket(context.raw, kind.rawValue) else { throw ZMQError.last("zmq_socket") }
        raw = s
        self.context = context
        var linger: Int32 = 0
        zmq_setsockopt(raw, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    deinit { zmq_close(raw) }

    public func bind(_ endpoint: String) throws {
        if zmq_bind(raw, endpoint) != 0 { throw ZMQError.last("bind \(endpoint)") }
    }

    /// Sends `frames` as one multipart message.
    public func send(_ frames: [[UInt8]]) throws {
        for (i, f) in frames.enumerated() {
            let more = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            let r = f.withUnsafeBytes { zmq_send(raw, $0.baseAddress, f.count, Int32(more)) }
            if r < 0 { throw ZMQError.last("send") }
        }
    }

    /// The next multipart message, or nil when none arrives within `timeoutMs` (-1: wait).
    public func receive(timeoutMs: Int = -1) throws -> [[UInt8]]? {
        if timeoutMs >= 0 {
            var item = zmq_pollitem_t(socket: raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
            let n = zmq_poll(&item, 1, timeoutMs)
            if n < 0 { if zmq_errno() == EINTR { return nil }; throw ZMQError.last("poll") }
            if n == 0 { return nil }
        }
        var frames = [[UInt8]]()
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            if zmq_msg_recv(&msg, raw, 0) < 0 {
                if zmq_errno() == EINTR && frames.isEmpty { return nil }
                throw ZMQError.last("recv")
            }
            let size = zmq_msg_size(&msg)
            let data = zmq_msg_data(&msg)
            frames.append(data.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? [])
            if zmq_msg_more(&msg) == 0 { break }
        }
        return frames
    }
}

/// Waits for input on several sockets; returns the indices that have a message.
public func zmqPoll(_ sockets: [ZMQSocket], timeoutMs: Int) -> [Int] {
    var items = sockets.map { zmq_pollitem_t(socket: $0.raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
    let n = zmq_poll(&items, Int32(items.count), timeoutMs)
    if n <= 0 { return [] }
    return items.indices.filter { items[$0].revents & Int16(ZMQ_POLLIN) != 0 }
}
