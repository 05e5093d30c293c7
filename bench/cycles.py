"""Builds and drops 10**5 cyclic structures of four kinds, printing the resident memory before and
after (scripts/gc-bench.sh runs it under nnsh and CPython). Without a cycle collector none of them
is ever freed: reference counting alone never reaches zero inside a cycle."""
import gc
import sys
import time

N = 100_000


def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        self.payload = [0.5] * 8
        if parent is not None:
            parent.children.append(self)


def tree():
    root = Node()
    Node(root)
    Node(root)


def self_list():
    a = [1.0] * 8
    a.append(a)


def closure():
    def again(n):
        return again(n - 1) if n else n
    return again(3)


def dict_ring():
    a, b = {"x": list(range(8))}, {}
    a["next"], b["next"] = b, a


kinds = [("parent/child instances", tree), ("self-containing lists", self_list),
         ("recursive closures", closure), ("dict rings", dict_ring)]

print(f"{'structure':<24} {'RSS before':>11} {'gc off':>9} {'collected':>10} {'after':>9} {'gc on':>9}  time")
for name, make in kinds:
    gc.collect()
    before = rss_mib()
    gc.disable()
    for _ in range(N):
        make()
    grown = rss_mib()
    found = gc.collect()
    after = rss_mib()
    gc.enable()
    start = time.perf_counter()
    for _ in range(N):
        make()
    elapsed = time.perf_counter() - start
    automatic = rss_mib()
    gc.collect()
    print(f"{name:<24} {before:8.1f} MiB {grown:5.1f} MiB {found:>10} {after:5.1f} MiB {automatic:5.1f} MiB  {elapsed:.3f} s")
