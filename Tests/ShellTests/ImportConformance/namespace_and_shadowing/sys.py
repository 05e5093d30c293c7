raise RuntimeError("sys is built in; this file must not run")
