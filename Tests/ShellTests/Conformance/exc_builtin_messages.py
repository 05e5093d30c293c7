def show(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

show("int", lambda: int("x"))
show("int base", lambda: int("12", 2))
show("float", lambda: float("nope"))
show("list index", lambda: [][1])
show("tuple index", lambda: ()[0])
show("dict key", lambda: {}["k"])
show("zero div", lambda: 1 / 0)
show("int div", lambda: 1 // 0)
show("none attr", lambda: None.foo)
show("int attr", lambda: (5).bar)
show("undefined", lambda: undefined_name)
show("str + int", lambda: "a" + 1)
show("int + str", lambda: 1 + "a")
show("call int", lambda: 5())
show("unpack", lambda: [a for a, b in [(1, 2, 3)]])
show("too few", lambda: [a for a, b, c in [(1, 2)]])
show("list remove", lambda: [1].remove(2))
show("index of", lambda: [1, 2].index(3))
show("subscript", lambda: 5[0])
def str_assign():
    s = "abc"
    s[0] = "x"
def tuple_del():
    t = (1, 2)
    del t[0]
show("str assign", str_assign)
show("tuple del", tuple_del)
show("pop empty", lambda: [].pop())
show("dict pop", lambda: {}.pop("z"))
show("str mul", lambda: "a" * "b")
show("neg", lambda: -"a")
show("compare", lambda: 1 < "a")
show("chr", lambda: chr(-1))
