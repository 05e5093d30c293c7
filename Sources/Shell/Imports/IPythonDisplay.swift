import Foundation

extension Interpreter {
    /// `IPython.display`: `display(*objs)` and `clear_output(wait=False)`, what notebook code calls.
    /// In the Jupyter kernel they become `display_data` and `clear_output` messages; elsewhere
    /// `display` prints each object's repr, as IPython's terminal does.
    func makeIPythonDisplayModule() -> Namespace {
        let ns = Namespace("IPython.display")
        ns.members["display"] = .builtin(Builtin("display") { [unowned self] args in
            for (k, _) in args.keywords where !["include", "exclude", "metadata", "transient", "display_id", "raw", "clear"].contains(k) {
                throw PythonError.type("display() got an unexpected keyword argument '\(k)'")
            }
            for v in args.positional {
                if let show = self.displayValue { show(v) } else { self.write(v.repr + "\n") }
            }
            return .none
        })
        ns.members["clear_output"] = .builtin(Builtin("clear_output") { [unowned self] args in
            let b = try args.bind("clear_output", ["wait"])
            self.clearOutput?(try b.bool("wait", false))
            return .none
        })
        return ns
    }
}
