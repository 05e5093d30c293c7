e = ValueError("v")
print(isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, ValueError))
print(isinstance(e, TypeError), isinstance(e, (TypeError, ValueError)))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(SystemExit, Exception), issubclass(GeneratorExit, BaseException))
print(issubclass(StopIteration, Exception), issubclass(BaseException, object))
print([k.__name__ for k in KeyboardInterrupt.__mro__])
print(ValueError.__bases__[0].__name__, Exception.__bases__[0].__name__)
print(BaseException.__bases__[0].__name__)

class Escape(BaseException):
    pass

try:
    try:
        raise Escape("out")
    except Exception:
        print("Exception should not catch it")
except BaseException as b:
    print("BaseException caught", type(b).__name__, b)

try:
    raise SystemExit(3)
except SystemExit as s:
    print("SystemExit code", s.code, s.args)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as k:
    print("KeyboardInterrupt caught", repr(k))
print(type(e) is ValueError, type(e).__name__, e.__class__.__name__)
