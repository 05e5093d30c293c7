#!/usr/bin/env python3
"""Goldens for NNTests from real PyTorch: module reprs, default init (after manual_seed),
outputs, grads, grad_fn names and error messages. Run with /work/main/.venv-torch/bin/python."""
import json, os, torch, torch.nn as nn, torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "../../Tests/NNTests/Golden")

def T(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().double().flatten().tolist()]}

# (constructor name, kwargs, input shape, forward kwargs)
MODULES = [
    ("Conv1d", dict(in_channels=2, out_channels=3, kernel_size=3), [2, 2, 7], {}),
    ("Conv1d", dict(in_channels=2, out_channels=4, kernel_size=3, stride=2, padding=1, dilation=2, groups=2), [1, 2, 9], {}),
    ("Conv1d", dict(in_channels=1, out_channels=2, kernel_size=4, padding="same"), [1, 1, 6], {}),
    ("Conv1d", dict(in_channels=1, out_channels=1, kernel_size=3, padding="valid", bias=False), [1, 1, 5], {}),
    ("Conv1d", dict(in_channels=2, out_channels=2, kernel_size=3, padding=2, groups=2, padding_mode="circular"), [1, 2, 5], {}),
    ("Conv1d", dict(in_channels=2, out_channels=3, kernel_size=3), [2, 7], {}),
    ("Conv2d", dict(in_channels=1, out_channels=2, kernel_size=3), [1, 1, 5, 5], {}),
    ("Conv2d", dict(in_channels=4, out_channels=6, kernel_size=(3, 2), stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2), [2, 4, 7, 6], {}),
    ("Conv2d", dict(in_channels=2, out_channels=2, kernel_size=3, padding=1, padding_mode="reflect"), [1, 2, 4, 5], {}),
    ("Conv2d", dict(in_channels=2, out_channels=2, kernel_size=3, padding=(1, 2), padding_mode="replicate", bias=False), [1, 2, 4, 5], {}),
    ("Conv2d", dict(in_channels=2, out_channels=2, kernel_size=3, padding=1, padding_mode="circular"), [1, 2, 4, 5], {}),
    ("Conv2d", dict(in_channels=1, out_channels=1, kernel_size=(2, 3), padding="same", dilation=(2, 1)), [1, 1, 5, 6], {}),
    ("Conv2d", dict(in_channels=3, out_channels=2, kernel_size=2), [3, 4, 4], {}),
    ("Conv3d", dict(in_channels=2, out_channels=4, kernel_size=(1, 3, 3), stride=(1, 2, 2), padding=(0, 1, 1)), [1, 2, 3, 5, 5], {}),
    ("Conv3d", dict(in_channels=2, out_channels=2, kernel_size=3, padding="same", groups=2, padding_mode="replicate"), [1, 2, 3, 4, 4], {}),
    ("ConvTranspose1d", dict(in_channels=1, out_channels=2, kernel_size=2, stride=3, padding=1, output_padding=1, bias=False), [1, 1, 4], {}),
    ("ConvTranspose1d", dict(in_channels=2, out_channels=1, kernel_size=3, stride=2), [2, 5], {}),
    ("ConvTranspose2d", dict(in_channels=2, out_channels=4, kernel_size=2, dilation=2, groups=2), [1, 2, 3, 3], {}),
    ("ConvTranspose2d", dict(in_channels=1, out_channels=1, kernel_size=3, stride=2, padding=1, output_padding=1), [1, 1, 3, 4], {}),
    ("ConvTranspose2d", dict(in_channels=2, out_channels=3, kernel_size=3, stride=2, padding=1), [1, 2, 3, 3], {"output_size": [6, 6]}),
    ("ConvTranspose3d", dict(in_channels=2, out_channels=3, kernel_size=(1, 3, 3), stride=(1, 2, 2), padding=(0, 1, 1), output_padding=(0, 1, 1)), [1, 2, 2, 3, 3], {}),
    ("MaxPool1d", dict(kernel_size=3, stride=2, padding=1), [2, 3, 8], {}),
    ("MaxPool1d", dict(kernel_size=2, stride=1, dilation=2, ceil_mode=True), [3, 7], {}),
    ("MaxPool2d", dict(kernel_size=2), [1, 2, 5, 5], {}),
    ("MaxPool2d", dict(kernel_size=(2, 3), stride=(1, 2), dilation=(2, 1)), [1, 1, 6, 7], {}),
    ("MaxPool2d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True), [2, 6, 6], {}),
    ("MaxPool3d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True), [1, 1, 5, 5, 5], {}),
    ("AvgPool1d", dict(kernel_size=3, stride=2, padding=1), [2, 2, 7], {}),
    ("AvgPool1d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [2, 8], {}),
    ("AvgPool2d", dict(kernel_size=3, stride=2, padding=1), [1, 2, 6, 5], {}),
    ("AvgPool2d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [1, 1, 6, 6], {}),
    ("AvgPool2d", dict(kernel_size=(2, 3), divisor_override=5), [1, 1, 4, 6], {}),
    ("AvgPool3d", dict(kernel_size=2, stride=1), [1, 2, 3, 3, 3], {}),
    ("AvgPool3d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, divisor_override=4), [1, 1, 4, 5, 5], {}),
    ("Linear", dict(in_features=3, out_features=4), [2, 3], {}),
    ("Linear", dict(in_features=3, out_features=2, bias=False), [2, 3], {}),
    ("Linear", dict(in_features=3, out_features=2), [3], {}),
    ("Linear", dict(in_features=3, out_features=2), [2, 2, 3], {}),
    ("Linear", dict(in_features=3, out_features=2, bias=False), [3], {}),
    ("Flatten", dict(), [2, 3, 2, 2], {}),
    ("Flatten", dict(start_dim=0, end_dim=2), [2, 3, 2, 2], {}),
    ("Identity", dict(), [2, 3], {}),
    ("Sigmoid", dict(), [2, 5], {}),
    ("Tanh", dict(), [2, 5], {}),
    ("ReLU", dict(), [2, 5], {}),
    ("LeakyReLU", dict(negative_slope=0.2), [2, 5], {}),
    ("LeakyReLU", dict(), [2, 5], {}),
    ("PReLU", dict(), [2, 3, 4], {}),
    ("PReLU", dict(num_parameters=3, init=0.1), [2, 3, 4], {}),
    ("RReLU", dict(lower=0.1, upper=0.3), [2, 5], {"eval": True}),
    ("RReLU", dict(), [3, 5], {}),
    ("Softmax", dict(dim=1), [2, 5], {}),
    ("Softmax", dict(dim=0), [3, 2], {}),
    ("ELU", dict(alpha=0.5), [2, 5], {}),
    ("GELU", dict(), [2, 5], {}),
    ("GELU", dict(approximate="tanh"), [2, 5], {}),
    ("SiLU", dict(), [2, 5], {}),
    ("Softplus", dict(beta=2.0, threshold=1.0), [2, 5], {}),
    ("Hardtanh", dict(min_val=-0.5, max_val=0.75), [2, 5], {}),
    ("Dropout", dict(p=0.3), [4, 6], {}),
    ("Dropout", dict(p=0.3), [4, 6], {"eval": True}),
]

def module_cases():
    cases = []
    for i, (name, kw, shape, fkw) in enumerate(MODULES):
        torch.manual_seed(100 + i)
        m = getattr(nn, name)(**kw)
        if fkw.get("eval"): m.eval()
        gen = torch.Generator().manual_seed(1000 + i)
        x = (torch.randn(shape, generator=gen, dtype=torch.float64) * 2).float().requires_grad_(True)
        params = {n: T(p) for n, p in m.named_parameters()}
        torch.manual_seed(7)
        if "output_size" in fkw:
            y = m(x, output_size=fkw["output_size"])
        else:
            y = m(x)
        g = torch.randn(y.shape, generator=gen, dtype=torch.float64).float()
        y.backward(g)
        grads = {"input": T(x.grad)}
        for n, p in m.named_parameters():
            grads[n] = T(p.grad)
        cases.append({"ctor": name, "kwargs": kw, "seed": 100 + i, "eval": bool(fkw.get("eval")),
                      "output_size": fkw.get("output_size"), "repr": repr(m), "params": params,
                      "input": T(x), "output": T(y), "grad_output": T(g), "grads": grads,
                      "grad_fn": y.grad_fn.name() if y.grad_fn is not None else None})
    return cases

# functional error cases: (fn, input shape, second tensor shape or None, kwargs)
ERRORS = [
    ("conv2d", [16, 50], [2, 3, 3, 3], {}),
    ("conv2d", [1, 16, 50, 100], [1, 3, 3, 3], {}),
    ("conv2d", [1, 3, 2, 2], [2, 3, 3, 3], {}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"stride": 0}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"padding": -1}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"dilation": 0}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"groups": 0}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"groups": 2}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"padding": "same", "stride": 2}),
    ("conv2d", [1, 3, 5, 5], [2, 3, 3, 3], {"stride": [1, 1, 1]}),
    ("conv2d", [1, 4, 5, 5], [3, 2, 3, 3], {"groups": 2}),
    ("conv1d", [1, 2], [2, 1, 3], {}),
    ("conv3d", [1, 1, 2, 2, 2], [1, 1, 3, 3, 3], {}),
    ("conv_transpose2d", [1, 3, 5, 5], [3, 2, 3, 3], {"output_padding": 2}),
    ("conv_transpose2d", [1, 3, 5, 5], [2, 2, 3, 3], {}),
    ("conv_transpose2d", [1, 3, 1, 1], [3, 2, 3, 3], {"padding": 3}),
    ("conv_transpose1d", [1, 3, 5], [3, 2, 3], {"output_padding": 2}),
    ("conv_transpose3d", [1, 3, 2, 2, 2], [3, 2, 3, 3, 3], {"output_padding": 1}),
    # A kernel with a zero in its spatial size, and empty inputs that have batch items and channels
    # (the structured fuzzer's hang: conv3d of zeros(2, 2**40, 0, 0, 0) with itself).
    ("conv2d", [1, 3, 4, 4], [2, 3, 0, 2], {}),
    ("conv2d", [3, 4, 4], [2, 3, 0, 2], {"padding": 1}),
    ("conv2d", [1, 3, 4, 4], [2, 3, 0, 2], {"dilation": 2}),
    ("conv3d", [1, 2, 3, 3, 3], [2, 2, 0, 1, 1], {}),
    ("conv3d", [1, 2, 3, 3, 3], [2, 2, 0, 1, 1], {"dilation": 2}),
    ("conv_transpose2d", [1, 2, 3, 3], [2, 3, 0, 2], {}),
    ("conv_transpose2d", [1, 2, 1, 1], [2, 3, 0, 1], {"dilation": 2}),
    ("conv_transpose1d", [1, 2, 3], [2, 3, 0], {}),
    ("conv_transpose3d", [1, 2, 3, 3, 3], [2, 3, 1, 1, 0], {}),
    ("conv2d", [1, 3, 0, 5], [4, 3, 1, 1], {"padding": 1}),
    ("conv2d", [1, 3, 0, 2], [4, 3, 0, 1], {"padding": 1}),
    ("conv1d", [1, 3, 0], [4, 3, 1], {"padding": 1}),
    ("conv3d", [1, 3, 0, 1, 1], [4, 3, 1, 1, 1], {"padding": 1}),
    ("conv_transpose1d", [1, 2, 0], [2, 3, 4], {}),
    ("conv_transpose1d", [0, 2, 0], [2, 3, 1], {}),
    ("conv2d", [0, 3, 2, 2], [4, 3, 1, 1], {}),
    ("conv3d", [2, 2**40, 0, 0, 0], [2, 2**40, 0, 0, 0], {}),
    # The weight's first dim against groups; the `Empty` backend's own failures.
    ("conv2d", [1, 3, 3, 3], [1, 3, 3, 3], {"groups": 2}),
    ("conv2d", [1, 3, 3, 3], [0, 3, 3, 3], {}),
    ("conv_transpose2d", [1, 3, 3, 3], [2, 2, 3, 3], {"groups": 4}),
    ("conv_transpose2d", [1, 3, 3, 3], [6, 2, 3, 3], {"groups": 4}),
    ("conv2d", [0, 4, 3, 3], [4, 2, 0, 2], {"groups": 2}),
    ("conv_transpose1d", [0, 2, 1], [2, 3, 1], {"padding": 1}),
    ("conv_transpose1d", [0, 2, 1], [2, 3, 1], {"padding": 2}),
    ("conv_transpose2d", [0, 2, 3, 3], [2, 4, 1, 1], {"padding": 2}),
    ("conv_transpose2d", [2, 0, 1, 1], [0, 4, 1, 1], {}),
    ("max_pool2d", [1, 3, 5, 5], None, {"kernel_size": 3, "padding": 2}),
    ("max_pool2d", [1, 3, 5, 5], None, {"kernel_size": 2, "stride": 0}),
    ("max_pool2d", [1, 1, 2, 2], None, {"kernel_size": 3}),
    ("max_pool2d", [5, 5], None, {"kernel_size": 2}),
    ("max_pool2d", [1, 3, 5, 5], None, {"kernel_size": 2, "dilation": 0}),
    ("max_pool1d", [2, 3, 2], None, {"kernel_size": 3}),
    ("max_pool1d", [5], None, {"kernel_size": 2}),
    ("max_pool3d", [1, 1, 2, 2, 2], None, {"kernel_size": 3}),
    ("avg_pool2d", [1, 3, 5, 5], None, {"kernel_size": 3, "padding": 2}),
    ("avg_pool2d", [1, 1, 2, 2], None, {"kernel_size": 3}),
    ("avg_pool2d", [1, 3, 5, 5], None, {"kernel_size": 2, "divisor_override": 0}),
    ("avg_pool1d", [2, 3, 2], None, {"kernel_size": 3}),
    ("avg_pool3d", [1, 1, 2, 2, 2], None, {"kernel_size": 3}),
    ("pad", [1, 1, 2, 2], None, {"pad": [3, 3], "mode": "reflect"}),
    ("pad", [1, 1, 2, 2], None, {"pad": [3, 3, 0, 0], "mode": "reflect"}),
    ("pad", [1, 1, 2, 2], None, {"pad": [3, 3, 0, 0], "mode": "circular"}),
    ("pad", [1, 1, 2, 2], None, {"pad": [1, 2, 3], "mode": "constant"}),
    ("pad", [1, 1, 2, 2], None, {"pad": [1] * 10, "mode": "constant"}),
    ("pad", [1, 1, 2, 2], None, {"pad": [1, 1], "mode": "foo"}),
    ("pad", [1, 1, 3, 3], None, {"pad": [1, 1, 3, 1], "mode": "reflect"}),
    ("linear", [1, 3], [3, 4], {}),
    ("linear", [1, 3], [4, 3], {"bias_shape": [3]}),
    ("linear", [2, 5], [4, 3], {"bias_shape": [4]}),
    ("prelu", [2, 3], [2], {}),
    ("prelu", [2, 3], [1, 3], {}),
    ("softmax", [2, 3], None, {"dim": 2}),
    ("dropout", [2], None, {"p": 1.5}),
    ("max_unpool2d", [1, 1, 2, 2], None, {"indices": [0, 1, 2, 99], "kernel_size": 2}),
    ("max_unpool2d", [1, 1, 2, 2], None, {"indices": [0, 1, 2, -1], "kernel_size": 2}),
    ("max_unpool2d", [1, 1, 2, 2], None, {"indices": [0, 1, 2, 3], "kernel_size": 2, "output_size": [9, 9]}),
    ("max_unpool2d", [1, 1, 2, 2], None, {"indices": [0, 1, 2, 3], "kernel_size": 2, "output_size": [1, 1, 9]}),
    ("max_unpool1d", [1, 1, 2], None, {"indices": [0, 9], "kernel_size": 2}),
    ("max_unpool3d", [1, 1, 1, 1, 2], None, {"indices": [0, 9], "kernel_size": [1, 1, 2]}),
]

def call_fn(fn, xs, ws, kw):
    x = torch.zeros(xs)
    kw = dict(kw)
    if fn == "pad":
        return F.pad(x, tuple(kw["pad"]), mode=kw["mode"])
    if fn.startswith("max_unpool"):
        idx = torch.tensor(kw.pop("indices")).reshape(xs)
        if "output_size" in kw: kw["output_size"] = tuple(kw["output_size"])
        return getattr(F, fn)(x, idx, **kw)
    if fn == "linear":
        b = torch.zeros(kw["bias_shape"]) if "bias_shape" in kw else None
        return F.linear(x, torch.zeros(ws), b)
    if fn == "prelu":
        return F.prelu(x, torch.zeros(ws))
    if ws is not None:
        if "stride" in kw and isinstance(kw["stride"], list): kw["stride"] = tuple(kw["stride"])
        return getattr(F, fn)(x, torch.zeros(ws), **kw)
    return getattr(F, fn)(x, **kw)

def error_cases():
    out = []
    for fn, xs, ws, kw in ERRORS:
        try:
            call_fn(fn, xs, ws, kw)
            err = None
        except Exception as e:
            err = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
        out.append({"fn": fn, "input_shape": xs, "weight_shape": ws, "kwargs": kw, "error": err})
    return out

CTOR_ERRORS = [
    ("Conv2d", dict(in_channels=3, out_channels=4, kernel_size=3, groups=2)),
    ("Conv2d", dict(in_channels=4, out_channels=3, kernel_size=3, groups=2)),
    ("Conv2d", dict(in_channels=4, out_channels=4, kernel_size=3, padding_mode="foo")),
    ("Conv2d", dict(in_channels=4, out_channels=4, kernel_size=3, padding="foo")),
    ("Conv2d", dict(in_channels=4, out_channels=4, kernel_size=3, padding="same", stride=2)),
    ("Conv2d", dict(in_channels=4, out_channels=4, kernel_size=3, groups=0)),
    ("ConvTranspose2d", dict(in_channels=4, out_channels=4, kernel_size=3, padding_mode="reflect")),
    ("Dropout", dict(p=1.5)),
]

def ctor_errors():
    out = []
    for name, kw in CTOR_ERRORS:
        try:
            getattr(nn, name)(**kw); err = None
        except Exception as e:
            err = {"type": type(e).__name__, "message": str(e)}
        out.append({"ctor": name, "kwargs": kw, "error": err})
    return out

def init_cases():
    out = []
    specs = [("kaiming_uniform_", [4, 3], {}), ("kaiming_uniform_", [5, 2, 3], {"a": 0.1, "mode": "fan_out"}),
             ("kaiming_normal_", [4, 3], {}), ("kaiming_normal_", [8, 4, 3], {"mode": "fan_out", "nonlinearity": "relu"}),
             ("xavier_uniform_", [4, 6], {}), ("xavier_normal_", [4, 6], {"gain": 2.0}), ("xavier_normal_", [3, 2], {}),
             ("uniform_", [7], {"a": -2.0, "b": 3.0}), ("normal_", [20], {"mean": 1.0, "std": 0.5}),
             ("constant_", [2, 3], {"val": 0.3}), ("zeros_", [3], {}), ("ones_", [3], {}),
             ("eye_", [3, 4], {}), ("dirac_", [4, 2, 3], {}), ("dirac_", [4, 2, 3, 3], {"groups": 2})]
    for i, (fn, shape, kw) in enumerate(specs):
        torch.manual_seed(300 + i)
        t = torch.zeros(shape)
        getattr(nn.init, fn)(t, **kw)
        out.append({"fn": fn, "shape": shape, "kwargs": kw, "seed": 300 + i, "result": T(t)})
    gains = [[n, p, nn.init.calculate_gain(n, p)] for n, p in
             [("linear", None), ("tanh", None), ("relu", None), ("leaky_relu", None), ("leaky_relu", 0.2), ("selu", None), ("sigmoid", None)]]
    return out, gains

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    inits, gains = init_cases()
    data = {"modules": module_cases(), "errors": error_cases(), "ctor_errors": ctor_errors(), "inits": inits, "gains": gains}
    with open(os.path.join(OUT, "nn_golden.json"), "w") as f:
        json.dump(data, f)
    print("wrote", len(data["modules"]), "module cases,", len(data["errors"]), "errors,", len(inits), "inits")
