def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except LookupError as e:
        print(label, "LookupError caught", type(e).__name__, e)
    except ArithmeticError as e:
        print(label, "ArithmeticError caught", type(e).__name__, e)
    except Exception as e:
        print(label, "Exception caught", type(e).__name__, e)

attempt("key", lambda: {"a": 1}["b"])
attempt("index", lambda: (1, 2)[9])
attempt("zero", lambda: 5 // 0)
attempt("mod", lambda: 5 % 0)
attempt("float", lambda: 1.0 / 0)
attempt("str index", lambda: "abc"[10])
attempt("type", lambda: len(5))
attempt("fine", lambda: 1)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(LookupError, Exception), issubclass(KeyError, IndexError))
print([k.__name__ for k in KeyError.__mro__])
print([k.__name__ for k in ZeroDivisionError.__mro__])
print(issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError))
