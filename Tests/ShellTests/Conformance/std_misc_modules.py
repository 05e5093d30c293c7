import operator, string, contextlib, types, typing, copy
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.getitem([1, 2], 1), operator.contains([1], 1))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), itemgetter(0, 1)(rows[0]), repr(itemgetter(1)))
class P:
    def __init__(self, n): self.name = n
print(attrgetter("name")(P("x")), repr(attrgetter("a.b")), methodcaller("upper")("hi"), repr(methodcaller("split", ",", maxsplit=1)))
print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.capwords("hello  world"))
from contextlib import contextmanager, suppress, nullcontext, ExitStack
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    raise KeyError("k")
print("after")
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    stack.callback(print, "callback ran")
    a = stack.enter_context(tag("s"))
    print("stack body", a)
@tag("deco")
def decorated():
    print("in decorated")
decorated()
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def f(): pass
def g(): yield 1
print(isinstance(f, types.FunctionType), isinstance(g(), types.GeneratorType), types.FunctionType, types.GeneratorType, types.ModuleType)
from typing import List, Dict, Optional, Tuple, Union, Any, Callable, Iterable
print(List[int], Dict[str, float], Optional[int], Tuple[int, ...], Union[int, str], Union[int, None], Any, List, Callable[[int], str], Iterable[int])
def typed(x: List[int], y: Optional[Dict[str, int]] = None) -> Tuple[int, int]:
    return (len(x), 0)
print(typed([1, 2]))
T = typing.TypeVar("T")
print(T, typing.cast(int, "x"), typing.TYPE_CHECKING)
a = [[1, 2], {"k": (3, [4])}]
b = copy.deepcopy(a)
b[0].append(9); b[1]["k"][1].append(5)
print(a, b, copy.copy(a)[0] is a[0], copy.deepcopy(a)[0] is a[0])
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
n = Node(1); n.children.append(Node(2)); n.self_ref = n
m = copy.deepcopy(n)
print(m.v, m.children[0].v, m.children[0] is n.children[0], m.self_ref is m)
class C:
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deepcopy"
print(copy.copy(C()), copy.deepcopy(C()))
from collections import OrderedDict
od = OrderedDict([("w", [1])])
od2 = copy.deepcopy(od)
od2["w"].append(2)
print(od, od2, type(od2).__name__)
