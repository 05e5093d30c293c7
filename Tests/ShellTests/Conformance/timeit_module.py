# timeit: Timer with source-text and callable statements, setup, globals=, repeat/autorange shapes.
import timeit

calls = []


def work():
    calls.append(1)


t = timeit.Timer("x = sum(range(10))", setup="y = 3")
print(type(t.timeit(number=100)).__name__, t.timeit(number=0) >= 0)
print(len(t.repeat(repeat=3, number=10)))
print(timeit.timeit(work, number=7) >= 0, len(calls))
print(timeit.timeit("work()", globals=globals(), number=5) >= 0, len(calls))
n, elapsed = timeit.Timer("pass").autorange()
print(n >= 1, elapsed >= 0.2)
print(len(timeit.repeat("a = [1, 2, 3]", repeat=2, number=3)))
print(timeit.default_timer is __import__("time").perf_counter)
try:
    timeit.Timer("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    timeit.Timer(3)
except ValueError as e:
    print(e)
