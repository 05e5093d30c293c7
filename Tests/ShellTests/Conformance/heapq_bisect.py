# heapq and bisect as CPython 3.11's: the heap's list layout after each call, merges, n-best, bisection.
import heapq
import bisect
import random

random.seed(5)
data = [random.randint(0, 50) for _ in range(20)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
a = list(data)
heapq.heapify(a)
print(a)
print(heapq.heapreplace(a, 99), heapq.heappushpop(a, -1), heapq.heappushpop(a, 100), a)
print(heapq.nsmallest(4, data), heapq.nlargest(4, data), heapq.nsmallest(1, []), heapq.nlargest(3, data, key=lambda v: -v))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(['bb', 'a'], ['ccc', 'dd'], key=len, reverse=True)))
tasks = []
for prio, name in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
s = [1, 2, 2, 2, 5, 9]
print(bisect.bisect_left(s, 2), bisect.bisect_right(s, 2), bisect.bisect(s, 6), bisect.bisect_left(s, 2, 2), bisect.bisect_right(s, 2, 0, 3))
bisect.insort(s, 3); bisect.insort_left(s, 2); print(s)
recs = [(1, 'a'), (3, 'c'), (5, 'e')]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, 'd'), key=lambda r: r[0]); print(recs)
try:
    bisect.bisect_left(s, 1, -1)
except ValueError as e:
    print('ValueError', e)
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
