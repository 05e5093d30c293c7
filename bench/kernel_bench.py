"""Kernel start-up and round trip, nnsh's kernel beside ipykernel (with PyTorch), in one run.

Ready = KernelManager.start_kernel() to the first kernel_info_reply; for ipykernel also with
`import torch` done (nnsh has torch built in). Round trip = execute_request "1+1" to its reply,
median of 30. Run by scripts/kernel-bench.sh, which installs the nnsh kernel spec temporarily.
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


def measure(name, warm_code=None, runs=5):
    readies, warms, trips = [], [], []
    for _ in range(runs):
        km = jupyter_client.KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        readies.append(time.perf_counter() - t0)
        if warm_code:
            kc.execute_interactive(warm_code, timeout=120)
            warms.append(time.perf_counter() - t0)
        for _ in range(30):
            t1 = time.perf_counter()
            kc.execute_interactive("1+1", timeout=30, output_hook=lambda m: None)
            trips.append(time.perf_counter() - t1)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return statistics.median(readies), (statistics.median(warms) if warms else None), statistics.median(trips)


print(f"# kernel bench on {cpu_model()}, {os.cpu_count()} cores")
n_ready, _, n_trip = measure("nnsh")
p_ready, p_torch, p_trip = measure("python3", warm_code="import torch")
print(f"{'':28}{'nnsh':>10}{'ipykernel':>12}{'ratio':>8}")
print(f"{'ready (s)':28}{n_ready:>10.3f}{p_ready:>12.3f}{p_ready / n_ready:>7.1f}x")
print(f"{'ready with torch (s)':28}{n_ready:>10.3f}{p_torch:>12.3f}{p_torch / n_ready:>7.1f}x")
print(f"{'round trip 1+1 (ms)':28}{n_trip * 1e3:>10.2f}{p_trip * 1e3:>12.2f}{n_trip / p_trip:>7.2f}")
