import Foundation

/// What runs code for the kernel (nnsh's session; tests use their own).
public protocol JupyterBackend: AnyObject {
    /// `kernel_info_reply`'s content without the protocol fields the server adds.
    var languageInfo: [String: Any] { get }
    var banner: String { get }
    /// Runs a cell. `publish(msg_type, content)` sends iopub messages (stream, display_data,
    /// execute_result, error) for this request as they happen. Returns the reply's status and its
    /// error fields when it failed.
    /// `input(prompt, password)` asks the front end through the stdin channel (nil when the request
    /// does not allow stdin).
    func execute(code: String, executionCount: Int, silent: Bool,
                 publish: @escaping (String, [String: Any]) -> Void,
                 input: ((String, Bool) throws -> String)?) -> ExecuteOutcome
    func complete(code: String, cursor: Int) -> [String: Any]
    func inspect(code: String, cursor: Int, detailLevel: Int) -> [String: Any]
    func isComplete(code: String) -> [String: Any]
    /// Asks a running cell to stop (`interrupt_request`; SIGINT does the same).
    func interrupt()
}

public enum ExecuteOutcome {
    case ok
    case error(ename: String, evalue: String, traceback: [String])
    /// `exit()` in a cell: the kernel replies, then shuts down.
    case exit
}

/// The Jupyter kernel: binds the five channels of a connection file and answers shell and control
/// requests until `shutdown_request`. The heartbeat echoes on its own thread, so it keeps
/// answering while a long cell runs.
public final class JupyterKernel {
    let info: ConnectionInfo
    let signer: MessageSigner
    let backend: JupyterBackend
    let session = UUID().uuidString.lowercased()
    let context: ZMQContext
    let shell: ZMQSocket, control: ZMQSocket, iopub: ZMQSocket, stdin: ZMQSocket, heartbeat: ZMQSocket
    var executionCount = 0
    var history: [(Int, String)] = []
    /// Written to stderr: dropped messages and the like (Jupyter shows a kernel's stderr in its log).
    public var log: (String) -> Void = { line in
        let bytes = Array(("nnsh kernel: " + line + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    public init(connection: ConnectionInfo, backend: JupyterBackend) throws {
        info = connection
        signer = MessageSigner(key: connection.key)
        self.backend = backend
        context = try ZMQContext()
        shell = try ZMQSocket(context, .router)
        control = try ZMQSocket(context, .router)
        iopub = try ZMQSocket(context, .pub)
        stdin = try ZMQSocket(context, .router)
        heartbeat = try ZMQSocket(context, .rep)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try heartbeat.bind(connection.endpoint(connection.hbPort))
    }

    /// Serves until shutdown; returns whether a restart was asked for.
    @discardableResult
    public func run() -> Bool {
        let hb = heartbeat
        let beat = Thread {
            while true {
                guard let m = try? hb.receive(timeoutMs: 1000) else { continue }
                try? hb.send(m)
            }
        }
        beat.stackSize = 1 << 20
        beat.start()
        publishStatus("starting", parent: nil)
        let parentPID = ProcessInfo.processInfo.environment["JPY_PARENT_PID"].flatMap { Int32($0) }
        while true {
            if let p = parentPID, p > 1, kill(p, 0) != 0 && errno == ESRCH { return false }  // the front end is gone
            let ready = zmqPoll([control, shell], timeoutMs: 500)
            for i in ready {
                let socket = i == 0 ? control : shell
                guard let frames = try? socket.receive(timeoutMs: 0) else { continue }
                let message: JupyterMessage
                do { message = try JupyterMessage(frames: frames, signer: signer) } catch {
                    log("dropped a message: \(error)")
                    continue
                }
                if let restart = handle(message, on: socket) { return restart }
            }
        }
    }

    func send(_ socket: ZMQSocket, _ type: String, parent: JupyterMessage?, _ content: [String: Any], metadata: [String: Any] = [:]) {
        var m = JupyterMessage(type: type, session: session, parent: parent, content: content, metadata: metadata)
        if socket === iopub { m.identities = [Array(type.utf8)] }
        do { try socket.send(try m.frames(signer)) } catch { log("could not send \(type): \(error)") }
    }

    func publishStatus(_ state: String, parent: JupyterMessage?) {
        send(iopub, "status", parent: parent, ["execution_state": state])
    }

    /// Sends `input_request` to the client that sent `parent` and waits for its `input_reply`.
    /// A raised interrupt flag (`isInterrupted`) ends the wait with `InputInterrupted`.
    public var isInterrupted: () -> Bool = { false }
    public struct InputInterrupted: Error {}

    func requestInput(prompt: String, password: Bool, parent: JupyterMessage) throws -> String {
        send(stdin, "input_request", parent: parent, ["prompt": prompt, "password": password])
        while true {
            if isInterrupted() { throw InputInterrupted() }
            guard let frames = try stdin.receive(timeoutMs: 200) else { continue }
            guard let reply = try? JupyterMessage(frames: frames, signer: signer) else { log("dropped a message on stdin"); continue }
            if reply.type == "input_reply" { return reply.content["value"] as? String ?? "" }
        }
    }

    /// `history_request`: tail, range (this session is 0) or search (a glob over the inputs), as
    /// (session, line, input) or, with `output`, (session, line, (input, output)).
    func historyReply(_ c: [String: Any]) -> [[Any]] {
        var entries = history
        switch c["hist_access_type"] as? String ?? "tail" {
        case "range":
            let start = c["start"] as? Int ?? 0, stop = c["stop"] as? Int
            entries = entries.filter { e in e.0 >= start && (stop.map { e.0 < $0 } ?? true) }
        case "search":
            let pattern = c["pattern"] as? String ?? "*"
            entries = entries.filter { JupyterKernel.glob(pattern, $0.1) }
            if c["unique"] as? Bool ?? false {
                var seen = Set<String>()
                entries = entries.reversed().filter { seen.insert($0.1).inserted }.reversed()
            }
            if let n = c["n"] as? Int { entries = Array(entries.suffix(Swift.max(n, 0))) }
        default:
            if let n = c["n"] as? Int { entries = Array(entries.suffix(Swift.max(n, 0))) }
        }
        let output = c["output"] as? Bool ?? false
        return entries.map { output ? [0, $0.0, [$0.1, NSNull()] as [Any]] : [0, $0.0, $0.1] }
    }

    /// fnmatch-style `*` and `?` (IPython's history search patterns).
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var memo = [Int: Bool]()
        func match(_ i: Int, _ j: Int) -> Bool {
            if let v = memo[i * (t.count + 1) + j] { return v }
            let r: Bool
            if i == p.count { r = j == t.count }
            else if p[i] == "*" { r = match(i + 1, j) || (j < t.count && match(i, j + 1)) }
            else { r = j < t.count && (p[i] == "?" || p[i] == t[j]) && match(i + 1, j + 1) }
            memo[i * (t.count + 1) + j] = r
            return r
        }
        return match(0, 0)
    }

    /// Answers one request; non-nil ends the loop (true: restart).
    func handle(_ m: JupyterMessage, on socket: ZMQSocket) -> Bool? {
        publishStatus("busy", parent: m)
        defer { publishStatus("idle", parent: m) }
        let type = m.type
        let replyType = type.hasSuffix("_request") ? String(type.dropLast("_request".count)) + "_reply" : type + "_reply"
        switch type {
        case "kernel_info_request":
            send(socket, replyType, parent: m, [
                "status": "ok", "protocol_version": "5.3", "implementation": "nnsh", "implementation_version": "0.1.0",
                "language_info": backend.languageInfo, "banner": backend.banner,
                "help_links": [["text": "PyTorch", "url": "https://pytorch.org/docs/stable/"]], "debugger": false,
            ])
        case "execute_request":
            let code = m.content["code"] as? String ?? ""
            let silent = m.content["silent"] as? Bool ?? false
            let store = (m.content["store_history"] as? Bool ?? true) && !silent
            if store { executionCount += 1; history.append((executionCount, code)) }
            let count = executionCount
            if !silent { send(iopub, "execute_input", parent: m, ["code": code, "execution_count": count]) }
            let allowStdin = m.content["allow_stdin"] as? Bool ?? false
            let input: ((String, Bool) throws -> String)? = allowStdin ? { [self] prompt, password in
                try requestInput(prompt: prompt, password: password, parent: m)
            } : nil
            let outcome = backend.execute(code: code, executionCount: count, silent: silent, publish: { [self] type, content in
                if silent && type != "error" { return }
                var c = content
                if type == "execute_result" { c["execution_count"] = count }
                send(iopub, type, parent: m, c)
            }, input: input)
            switch outcome {
            case .ok, .exit:
                send(socket, replyType, parent: m, ["status": "ok", "execution_count": count, "user_expressions": [String: Any](), "payload": [Any]()])
                if case .exit = outcome { return false }
            case .error(let ename, let evalue, let traceback):
                send(iopub, "error", parent: m, ["ename": ename, "evalue": evalue, "traceback": traceback])
                send(socket, replyType, parent: m, ["status": "error", "execution_count": count, "ename": ename, "evalue": evalue, "traceback": traceback])
            }
        case "complete_request":
            var c = backend.complete(code: m.content["code"] as? String ?? "", cursor: m.content["cursor_pos"] as? Int ?? 0)
            c["status"] = "ok"
            send(socket, replyType, parent: m, c)
        case "inspect_request":
            var c = backend.inspect(code: m.content["code"] as? String ?? "", cursor: m.content["cursor_pos"] as? Int ?? 0,
                                    detailLevel: m.content["detail_level"] as? Int ?? 0)
            c["status"] = "ok"
            send(socket, replyType, parent: m, c)
        case "is_complete_request":
            send(socket, replyType, parent: m, backend.isComplete(code: m.content["code"] as? String ?? ""))
        case "history_request":
            send(socket, replyType, parent: m, ["status": "ok", "history": historyReply(m.content)])
        case "comm_info_request":
            send(socket, replyType, parent: m, ["status": "ok", "comms": [String: Any]()])
        case "interrupt_request":
            backend.interrupt()
            send(socket, replyType, parent: m, ["status": "ok"])
        case "shutdown_request":
            let restart = m.content["restart"] as? Bool ?? false
            send(socket, replyType, parent: m, ["status": "ok", "restart": restart])
            return restart
        default:
            log("unknown message type \(type)")
            // Jupyter's kernels reply to unknown requests with nothing; the client times out.
        }
        return nil
    }
}
