import Foundation
import Testing
@testable import Jupyter

/// The wire format: signatures as Python's `hmac` computes them, parsing and re-encoding.
@Suite struct MessageTests {
    static let parts: [[UInt8]] = [#"{"msg_id":"a"}"#, "{}", "{}", #"{"code":"1+1"}"#].map { Array($0.utf8) }

    /// The expected digest is `hmac.new(b'secret-key', b''.join(parts), hashlib.sha256).hexdigest()` from CPython.
    @Test func signsAsPythonsHMAC() {
        let signer = MessageSigner(key: "secret-key")
        #expect(signer.sign(Self.parts) == "712005a3ddfac00ddc4b5e88335391b3a6ee2873954746371defcd8f11725fad")
        #expect(signer.verify("712005a3ddfac00ddc4b5e88335391b3a6ee2873954746371defcd8f11725fad", Self.parts))
        #expect(!signer.verify("712005a3ddfac00ddc4b5e88335391b3a6ee2873954746371defcd8f11725fae", Self.parts))
        #expect(MessageSigner(key: "").sign(Self.parts) == "")
    }

    @Test func parsesAndRejectsBadSignatures() throws {
        let signer = MessageSigner(key: "secret-key")
        let frames = [Array("client-id".utf8), JupyterMessage.delimiter, Array(signer.sign(Self.parts).utf8)] + Self.parts
        let m = try JupyterMessage(frames: frames, signer: signer)
        #expect(m.identities == [Array("client-id".utf8)])
        #expect(m.content["code"] as? String == "1+1")
        var tampered = frames
        tampered[6] = Array(#"{"code":"2+2"}"#.utf8)
        #expect(throws: KernelError.self) { try JupyterMessage(frames: tampered, signer: signer) }
        #expect(throws: KernelError.self) { try JupyterMessage(frames: [Array("x".utf8)], signer: signer) }
    }

    @Test func repliesCarryTheParentAndASignature() throws {
        let signer = MessageSigner(key: "k")
        let request = try JupyterMessage(frames: [Array("id".utf8), JupyterMessage.delimiter, Array(signer.sign(Self.parts).utf8)] + Self.parts
                                          .enumerated().map { $0.offset == 0 ? Array(#"{"msg_id":"a","msg_type":"execute_request"}"#.utf8) : $0.element },
                                         signer: MessageSigner(key: ""))
        let reply = JupyterMessage(type: "execute_reply", session: "s", parent: request, content: ["status": "ok"])
        let frames = try reply.frames(signer)
        let back = try JupyterMessage(frames: frames, signer: signer)
        #expect(back.type == "execute_reply")
        #expect(back.parentHeader["msg_id"] as? String == "a")
        #expect(back.identities == [Array("id".utf8)])
        #expect((back.header["date"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func connectionFiles() throws {
        let json = #"{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"key":"x","signature_scheme":"hmac-sha256"}"#
        let info = try ConnectionInfo(json: Data(json.utf8))
        #expect(info.endpoint(info.hbPort) == "tcp://127.0.0.1:5")
        #expect(throws: KernelError.self) { try ConnectionInfo(json: Data(#"{"ip":"x"}"#.utf8)) }
        #expect(throws: KernelError.self) { try ConnectionInfo(json: Data(#"{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"key":"x","signature_scheme":"hmac-md5"}"#.utf8)) }
    }
}
