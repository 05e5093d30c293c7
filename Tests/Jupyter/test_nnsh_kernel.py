"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) and jupyter_client checks
against `nnsh kernel`. Run by scripts/jupyter-tests.sh (from `make test`), which installs the
kernel spec into a temporary JUPYTER_PATH and the clients into .venv-jupyter."""
import os
import time
import unittest

import jupyter_client
import jupyter_kernel_test as jkt


class NnshKernelTests(jkt.KernelTests):
    kernel_name = "nnsh"
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys\nprint('oops', file=sys.stderr)"
    completion_samples = [{"text": "zi", "matches": {"zip"}}, {"text": "x = 1\nisinst", "matches": {"isinstance"}}]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2", "for i in range(3):"]
    invalid_code_samples = ["import = 7q"]
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [{"code": "6*7", "result": "42"}, {"code": "import torch\ntorch.ones(2)", "result": "tensor([1., 1.])"}]
    code_display_data = [{"code": "import torch\nshow(torch.zeros(3, 4, 4))", "mime": "image/png"}]
    code_inspect_sample = "zip"
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_clear_output = "from IPython.display import clear_output\nclear_output()"


class NnshClientTests(unittest.TestCase):
    """jupyter_client's KernelManager: interrupt keeps the variables, restart clears them, the
    heartbeat answers during a long cell, shutdown ends the process."""

    def setUp(self):
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name="nnsh")

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)

    def execute(self, code):
        out = []
        reply = self.kc.execute_interactive(code, output_hook=out.append, timeout=30)
        text = "".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream")
        result = [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"]
        return reply["content"], text, result

    def test_interrupt_keeps_state(self):
        self.execute("x = 41")
        self.kc.execute("while True: pass")
        time.sleep(1.0)
        self.assertTrue(self.kc.hb_channel.is_beating())
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        _, _, result = self.execute("x + 1")
        self.assertEqual(result, ["42"])

    def test_restart_clears_state(self):
        self.execute("y = 5")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=30)
        reply, _, _ = self.execute("y")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "NameError")

    def test_pytorch_output_and_errors(self):
        reply, text, result = self.execute("import torch\ntorch.manual_seed(0)\nprint(torch.rand(2))\ntorch.arange(3)")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(text, "tensor([0.4963, 0.7682])\n")
        self.assertEqual(result, ["tensor([0, 1, 2])"])
        reply, _, _ = self.execute("torch.ones(2) @ torch.ones(3)")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "RuntimeError")
        self.assertIn("inconsistent tensor size", reply["evalue"])

    def test_magics_and_display(self):
        reply, text, _ = self.execute("%matplotlib inline\nx = 3\n%who")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("x", text)
        out = []
        self.kc.execute_interactive("from IPython.display import display\ndisplay([1, 2])", output_hook=out.append, timeout=30)
        shown = [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "display_data"]
        self.assertEqual(shown, ["[1, 2]"])

    def test_cell_magics(self):
        reply, text, _ = self.execute("%%time\nx = 2\nprint(x * 21)")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("42\n", text)
        self.assertRegex(text, r"CPU times: user .*, sys: .*, total: .*\nWall time: ")
        import tempfile
        path = os.path.join(tempfile.mkdtemp(), "cell.py")
        reply, text, _ = self.execute("%%writefile " + path + "\ny = 1\nprint(y)")
        self.assertEqual((reply["status"], text), ("ok", "Writing " + path + "\n"))
        with open(path) as f:
            self.assertEqual(f.read(), "y = 1\nprint(y)\n")
        reply, text, _ = self.execute("%%writefile -a " + path + "\nz = 3")
        self.assertEqual(text, "Appending to " + path + "\n")
        reply, text, _ = self.execute("%%timeit -n 3 -r 2\nsum(range(10))")
        self.assertRegex(text, r"per loop \(mean ± std\. dev\. of 2 runs, 3 loops each\)")
        reply, _, _ = self.execute("%%nosuch\n1")
        self.assertEqual((reply["status"], reply["ename"]), ("error", "UsageError"))

    def test_matplotlib_figures_inline(self):
        # As ipykernel's inline backend: a figure is displayed at the end of its cell without
        # plt.show(), as a PNG of the figure's size, and closed afterwards.
        out = []
        reply = self.kc.execute_interactive("import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.title('t');",
                                            output_hook=out.append, timeout=60)
        self.assertEqual(reply["content"]["status"], "ok")
        pngs = [m["content"]["data"]["image/png"] for m in out if m["msg_type"] == "display_data"]
        self.assertEqual(len(pngs), 1)
        import base64
        import struct
        png = base64.b64decode(pngs[0])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(struct.unpack(">II", png[16:24]), (640, 480))
        _, _, result = self.execute("plt.get_fignums()")
        self.assertEqual(result, ["[]"])
        _, _, result = self.execute("import matplotlib\nmatplotlib.get_backend()")
        self.assertEqual(result, ["'module://matplotlib_inline.backend_inline'"])

    def test_input_through_stdin(self):
        out = []

        def answer(msg):
            self.kc.input("nnsh")

        reply = self.kc.execute_interactive("name = input('who? ')\nprint('hi', name)", output_hook=out.append,
                                            stdin_hook=answer, allow_stdin=True, timeout=30)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual("".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream"), "hi nnsh\n")

    def test_shutdown(self):
        self.km.shutdown_kernel(now=False)
        self.assertFalse(self.km.is_alive())


if __name__ == "__main__":
    unittest.main()
