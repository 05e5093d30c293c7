# A generator pipeline: numbers through three generator stages and a generator expression.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def scaled(items, k):
    for x in items:
        yield x * k


total = sum(x + 1 for x in scaled(evens(numbers(1000000)), 3))
print(total)
