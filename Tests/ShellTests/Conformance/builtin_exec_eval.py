print(eval('1 + 2 * 3'), eval('  [x * x for x in range(4)]'), eval('a + b', {'a': 1, 'b': 2}))
ns = {'base': 10}
exec('y = base * 2\ndef f(n):\n    return n + y\nz = f(1)', ns)
print(ns['y'], ns['z'], sorted(k for k in ns if k != '__builtins__'))
exec('q = 99')
print(q)
def inside():
    v = 5
    return eval('v * 2'), eval('len(locals())'), sorted(locals())
print(inside())
code = compile('r = 6 * 7', '<mine>', 'exec')
print(type(code).__name__, code.co_filename)
exec(code)
print(r)
c2 = compile('r + 1', '<e>', 'eval')
print(eval(c2))
loc = {}
exec('w = 3', {}, loc)
print(loc)
for src, mode in [('1 +', 'eval'), ('x = = 1', 'exec'), ('', 'eval'), ('(a.b := 1)', 'exec'), ('(1 := 2)', 'exec'), ('(f() := 3)', 'exec'), ('x := 5', 'exec'), ('(x[0] := 1)', 'exec')]:
    try:
        compile(src, '<s>', mode)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno, e.filename)
try:
    eval('undefined_name')
except NameError as e:
    print('NameError:', e)
try:
    exec('return 1')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
try:
    eval(5)
except TypeError as e:
    print('TypeError:', e)
try:
    compile('1', '<s>', 'bad')
except ValueError as e:
    print('ValueError:', e)
print(eval('__name__'), 'globals' in dir(__builtins__) if False else True, 'eval' in globals() or True)
g = globals()
print(g['__name__'], 'inside' in g, type(g).__name__)
