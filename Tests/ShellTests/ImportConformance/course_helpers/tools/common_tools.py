"""Helpers shared by the lessons."""
import random
import sys

calls = 0


def set_seed(seed=1):
    global calls
    calls += 1
    random.seed(seed)


class Meter:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self


print("importing", __name__, "package", __package__, "main?", __name__ == "__main__")
