/// `psutil` as far as training helpers use it, with psutil's Linux formulas and reprs:
/// `virtual_memory()`, `swap_memory()`, `cpu_count()`, `cpu_percent()`, `Process().memory_info()`.
/// Written for nnsh in Python over `_psutil` (Imports/TimeModule.swift), which reads /proc.
enum PsutilLibrary {
    static let source = #"""
"""psutil: process and system utilities (the Linux subset nnsh provides)."""

import _psutil
from collections import namedtuple

__version__ = "5.9.8"

svmem = namedtuple('svmem', ['total', 'available', 'percent', 'used', 'free', 'active', 'inactive', 'buffers',
                             'cached', 'shared', 'slab'], module='psutil._pslinux')
sswap = namedtuple('sswap', ['total', 'used', 'free', 'percent', 'sin', 'sout'], module='psutil._common')
pmem = namedtuple('pmem', ['rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty'], module='psutil._pslinux')


class NoSuchProcess(Exception):
    pass


class AccessDenied(Exception):
    pass


def _usage_percent(used, total, round_=None):
    try:
        ret = (float(used) / total) * 100
    except ZeroDivisionError:
        return 0.0
    return ret if round_ is None else round(ret, round_)


def _meminfo():
    fields = {}
    for line in _psutil.read_proc('meminfo').splitlines():
        parts = line.split()
        if len(parts) >= 2:
            fields[parts[0].rstrip(':')] = int(parts[1]) * 1024
    return fields


def virtual_memory():
    mems = _meminfo()
    total = mems['MemTotal']
    free = mems['MemFree']
    buffers = mems.get('Buffers', 0)
    cached = mems.get('Cached', 0) + mems.get('SReclaimable', 0)
    shared = mems.get('Shmem', 0)
    active = mems.get('Active', 0)
    inactive = mems.get('Inactive', 0)
    slab = mems.get('Slab', 0)
    used = total - free - cached - buffers
    if used < 0:
        used = total - free
    avail = mems.get('MemAvailable', free + cached)
    if avail < 0:
        avail = 0
    if avail > total:
        avail = free
    percent = _usage_percent((total - avail), total, round_=1)
    return svmem(total, avail, percent, used, free, active, inactive, buffers, cached, shared, slab)


def swap_memory():
    mems = _meminfo()
    total = mems.get('SwapTotal', 0)
    free = mems.get('SwapFree', 0)
    used = total - free
    sin = sout = 0
    for line in _psutil.read_proc('vmstat').splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'pswpin':
            sin = int(parts[1]) * 4096
        elif len(parts) == 2 and parts[0] == 'pswpout':
            sout = int(parts[1]) * 4096
    return sswap(total, used, free, _usage_percent(used, total, round_=1), sin, sout)


def cpu_count(logical=True):
    if logical:
        return _psutil.cpu_count
    cores = set()
    physical = core = None
    for line in _psutil.read_proc('cpuinfo').splitlines() + ['']:
        if not line.strip():
            if physical is not None or core is not None:
                cores.add((physical, core))
            physical = core = None
        elif line.startswith('physical id'):
            physical = line.split(':')[1].strip()
        elif line.startswith('core id'):
            core = line.split(':')[1].strip()
    return len(cores) or None


def _cpu_times():
    fields = _psutil.read_proc('stat').splitlines()[0].split()[1:]
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values[:8]), idle


_last_cpu_times = [_cpu_times()]


def cpu_percent(interval=None, percpu=False):
    if percpu:
        raise NotImplementedError("psutil.cpu_percent(percpu=True) is not provided by nnsh")
    if interval is not None and interval < 0:
        raise ValueError("interval is not positive (got %r)" % interval)
    if interval:
        import time
        start = _cpu_times()
        time.sleep(interval)
    else:
        start = _last_cpu_times[0]
    end = _cpu_times()
    _last_cpu_times[0] = end
    total = end[0] - start[0]
    busy = total - (end[1] - start[1])
    if total <= 0:
        return 0.0
    return round(min(max(busy / total * 100, 0.0), 100.0), 1)


class Process:
    def __init__(self, pid=None):
        self.pid = _psutil.pid if pid is None else pid
        if not isinstance(self.pid, int) or self.pid < 0:
            raise ValueError("pid must be a positive integer (got %r)" % (self.pid,))
        try:
            _psutil.read_proc(f'{self.pid}/statm')
        except FileNotFoundError:
            raise NoSuchProcess(f'process PID not found (pid={self.pid})') from None

    def memory_info(self):
        page = _psutil.page_size
        vms, rss, shared, text, lib, data, dirty = [int(v) * page for v in _psutil.read_proc(f'{self.pid}/statm').split()[:7]]
        return pmem(rss, vms, shared, text, lib, data, dirty)

    def memory_percent(self):
        return self.memory_info().rss / virtual_memory().total * 100

    def name(self):
        return _psutil.read_proc(f'{self.pid}/comm').strip()

    def __repr__(self):
        return f"psutil.Process(pid={self.pid}, name='{self.name()}', status='running')"
"""#
}
