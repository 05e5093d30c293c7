import Foundation
import Torch

/// Jupyter notebooks (nbformat 4.5) in and out: `nnsh --ipynb FILE.py` writes a script as an
/// executed notebook (its paragraphs as cells, each run as a notebook cell: stdout as a stream, the
/// last expression as `execute_result`, pictures as `image/png`), and `nnsh FILE.ipynb` runs a
/// notebook's code cells in order as one script.
public enum Notebook {
    /// The kernel spec a notebook names, so Jupyter opens it with nnsh's kernel.
    static let metadata: [String: Any] = [
        "kernelspec": ["display_name": "nnsh (PyTorch)", "language": "python", "name": "nnsh"],
        "language_info": ["name": "python", "version": "3.11.0", "mimetype": "text/x-python", "file_extension": ".py",
                          "pygments_lexer": "ipython3", "codemirror_mode": ["name": "ipython", "version": 3],
                          "nbconvert_exporter": "python"],
    ]

    /// Source text as nbformat stores it: lines, each but the last keeping its newline.
    static func lines(_ text: String) -> [String] {
        var out = [String](), current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func cellID(_ n: Int) -> String { String(format: "cell-%04d", n) }

    /// `nnsh --ipynb FILE.py`: the executed notebook's JSON. Returns the exit status (an error in a
    /// cell is recorded as its output and stops the run, as nbclient does).
    public static func export(_ source: String, file: String, write: @escaping (String) -> Void) -> Int32 {
        let chunks: [ScriptChunk]
        do { chunks = try scriptChunks(source, file: file) } catch {
            return Session(file: file, write: write, writeError: write).run(source) == .ok ? 0 : 1
        }
        var groups = [[ScriptChunk]]()
        for c in chunks {
            if c.startsParagraph || groups.isEmpty { groups.append([c]) } else { groups[groups.count - 1].append(c) }
        }
        var outputs = [[String: Any]]()
        var stdout = ""
        var errorText = ""
        func flushStream() {
            if !stdout.isEmpty { outputs.append(["output_type": "stream", "name": "stdout", "text": lines(stdout)]); stdout = "" }
        }
        let session = Session(file: file, write: { stdout += $0 }, writeError: { errorText += $0 })
        let pictures = session.interpreter.pictures
        pictures.isTerminal = false
        pictures.autoSaveDirectory = NSTemporaryDirectory() + "nnsh-ipynb-\(getpid())"
        session.interpreter.useInlineFigures()
        pictures.onSaved = { path in
            guard path.hasSuffix(".png"), let png = FileManager.default.contents(atPath: path) else { return }
            flushStream()
            outputs.append(["output_type": "display_data", "metadata": [String: Any](),
                            "data": ["image/png": png.base64EncodedString(), "text/plain": ["<Figure>"]]])
        }
        var cells = [[String: Any]]()
        var count = 0
        var status: Int32 = 0
        for group in groups {
            if group.allSatisfy(\.isComment) {
                let prose = group.map { Transcript.proseLine($0.lines[0]) }.joined(separator: "\n")
                cells.append(["cell_type": "markdown", "id": cellID(cells.count), "metadata": [String: Any](), "source": lines(prose)])
                continue
            }
            let code = group.flatMap(\.lines).joined(separator: "\n")
            guard status == 0 else {
                cells.append(["cell_type": "code", "id": cellID(cells.count), "metadata": [String: Any](), "execution_count": NSNull(),
                              "outputs": [Any](), "source": lines(code)])
                continue
            }
            count += 1
            outputs = []; stdout = ""; errorText = ""
            let first = group.first { !$0.isComment }?.line ?? 1
            let padded = String(repeating: "\n", count: first - 1) + group.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n") + "\n"
            let n = count
            let outcome = session.runCell(padded, file: file) { value in
                flushStream()
                outputs.append(["output_type": "execute_result", "execution_count": n, "metadata": [String: Any](),
                                "data": ["text/plain": lines(value.repr)]])
            }
            // As the inline backend: the cell's open figures appear at its end, then close.
            do { try session.interpreter.flushFigures() } catch { errorText += "nnsh: could not draw a figure: \(error)\n" }
            flushStream()
            switch outcome {
            case .ok:
                if !errorText.isEmpty { outputs.append(["output_type": "stream", "name": "stderr", "text": lines(errorText)]) }
            case .failed(let kind):
                let tb = errorText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                let last = tb.last ?? kind
                let evalue = last.range(of: ": ").map { String(last[$0.upperBound...]) } ?? ""
                outputs.append(["output_type": "error", "ename": kind.split(separator: ".").last.map(String.init) ?? kind,
                                "evalue": evalue, "traceback": tb])
                status = kind == "KeyboardInterrupt" ? 130 : 1
            case .exit(let code):
                status = code
            }
            cells.append(["cell_type": "code", "id": cellID(cells.count), "metadata": [String: Any](), "execution_count": n,
                          "outputs": outputs, "source": lines(code)])
        }
        let notebook: [String: Any] = ["cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5]
        guard let data = try? JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys]) else { return 1 }
        write(String(decoding: data, as: UTF8.self) + "\n")
        return status
    }

    /// The code cells of a notebook, in order (nil with the reason when it is not one).
    public static func codeCells(_ data: Data) -> Result<[String], PythonError> {
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = o["cells"] as? [[String: Any]] else {
            return .failure(PythonError.value("the file is not a Jupyter notebook (no \"cells\" list)"))
        }
        var out = [String]()
        for c in cells where c["cell_type"] as? String == "code" {
            if let s = c["source"] as? String { out.append(s) }
            else if let l = c["source"] as? [String] { out.append(l.joined()) }
        }
        return .success(out)
    }

    /// `nnsh FILE.ipynb`: each code cell runs in one session as a script runs (top-level `%`/`!`
    /// lines, which only IPython understands, are skipped with a note on stderr).
    public static func run(_ data: Data, file: String, write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) -> Int32 {
        let cells: [String]
        switch codeCells(data) {
        case .success(let c): cells = c
        case .failure(let e): writeError("nnsh: \(file): \(e.message)\n"); return 2
        }
        let session = Session(file: file, write: write, writeError: writeError)
        for (i, cell) in cells.enumerated() {
            var kept = [String]()
            for line in cell.components(separatedBy: "\n") {
                if line.hasPrefix("%") || line.hasPrefix("!") {
                    writeError("nnsh: \(file) cell \(i + 1): skipped IPython line \(line)\n")
                    kept.append("")
                } else {
                    kept.append(line)
                }
            }
            switch session.run(kept.joined(separator: "\n"), file: "\(file) [cell \(i + 1)]") {
            case .ok: continue
            case .failed(let kind): return kind == "KeyboardInterrupt" ? 130 : 1
            case .exit(let code): return code
            }
        }
        return 0
    }
}
