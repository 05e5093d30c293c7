"""Kernel start-up and round trip, nnsh's kernel beside ipykernel (with PyTorch), in one run.

Ready = KernelManager.start_kernel() to the first kernel_info_reply on the shell channel (the
client asks every 10 ms until one comes); for ipykernel also with `import torch` done (nnsh has torch
built in). "ready for jupyter_client" is the same start to the return of `wait_for_ready()`, which
after the reply also waits up to 0.2 s for an iopub message (ZeroMQ's subscription handshake), the
same for both kernels. Round trip = execute_request "1+1" to its reply, median of 30. Run by
scripts/kernel-bench.sh, which installs the nnsh kernel spec temporarily.
"""
import os, platform, statistics, sys, time
import jupyter_client


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def first_reply(kc, deadline=120):
    """Sends kernel_info every 10 ms until the first kernel_info_reply arrives."""
    from queue import Empty
    end = time.perf_counter() + deadline
    while time.perf_counter() < end:
        kc.kernel_info()
        try:
            while True:
                msg = kc.shell_channel.get_msg(timeout=0.01)
                if msg["msg_type"] == "kernel_info_reply":
                    return
        except Empty:
            pass
    raise RuntimeError("no kernel_info_reply")


def measure(name, warm_code=None, runs=5):
    readies, clients, warms, trips = [], [], [], []
    for _ in range(runs):
        km = jupyter_client.KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        first_reply(kc)
        readies.append(time.perf_counter() - t0)
        kc.wait_for_ready(timeout=120)
        clients.append(time.perf_counter() - t0)
        if warm_code:
            kc.execute_interactive(warm_code, timeout=120)
            warms.append(time.perf_counter() - t0)
        for _ in range(30):
            t1 = time.perf_counter()
            kc.execute_interactive("1+1", timeout=30, output_hook=lambda m: None)
            trips.append(time.perf_counter() - t1)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return (statistics.median(readies), statistics.median(clients), (statistics.median(warms) if warms else None),
            statistics.median(trips))


print(f"# kernel bench on {cpu_model()}, {os.cpu_count()} cores")
n_ready, n_client, _, n_trip = measure("nnsh")
p_ready, p_client, p_torch, p_trip = measure("python3", warm_code="import torch")
print(f"{'':28}{'nnsh':>10}{'ipykernel':>12}{'ratio':>8}")
print(f"{'ready (s)':28}{n_ready:>10.3f}{p_ready:>12.3f}{p_ready / n_ready:>7.1f}x")
print(f"{'ready with torch (s)':28}{n_ready:>10.3f}{p_torch:>12.3f}{p_torch / n_ready:>7.1f}x")
print(f"{'ready for jupyter_client (s)':28}{n_client:>10.3f}{p_client:>12.3f}{p_client / n_client:>7.1f}x")
print(f"{'round trip 1+1 (ms)':28}{n_trip * 1e3:>10.2f}{p_trip * 1e3:>12.2f}{n_trip / p_trip:>7.2f}")
