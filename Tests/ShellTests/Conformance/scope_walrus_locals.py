def f(xs):
    ys = [y for x in xs if (y := x * 2) > 2]
    return ys, y
print(f([1, 2, 3]))
total = 0
print([total := total + v for v in range(5)], total)
def g():
    if any((hit := w).startswith('b') for w in ['apple', 'banana', 'cherry']):
        return hit
print(g())
print(f"{(z := 7)} {z}")
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    inc(); inc()
    return count
print(counter())
def uses_global():
    return len([1, 2]), abs(-3)
print(uses_global())
x = 'module x'
def reads_global():
    return x
print(reads_global())
def shadows():
    for x in range(2):
        pass
    return x
print(shadows(), x)
def late_import():
    try:
        return os.sep
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    import os
    return os.sep
print(late_import())
def exc_name():
    try:
        raise ValueError('v')
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(exc_name())
class K:
    attr = 1
    doubled = [attr * 2 for _ in range(1)] if False else None
    def m(self):
        return attr if False else 'method ok'
print(K().m())
lam = lambda: (q := 5) + q
print(lam())
def gen():
    yield (n := 3)
    yield n + 1
print(list(gen()))
def annotated(a: 'int', *args: float, k: bool = True, **kw: dict) -> None: pass
print(annotated.__annotations__)
def plain(a, b): pass
print(plain.__annotations__)
for src in ['(a.b := 1)', '(1 := 2)', '(f() := 3)', 'x := 5', '(x[0] := 1)']:
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
