class AppError(Exception):
    pass

class BadInput(AppError, ValueError):
    pass

class Coded(Exception):
    def __init__(self, code):
        self.code = code

class Described(ValueError):
    def __init__(self, code, detail):
        super().__init__("error " + str(code) + ": " + detail)
        self.code = code

class WithStr(Exception):
    def __str__(self):
        return "custom str for " + repr(self.args)

for exc in (AppError("app"), BadInput("bad"), Coded(7), Described(3, "oops"), WithStr(1, 2)):
    try:
        raise exc
    except AppError as e:
        print("AppError branch", type(e).__name__, e, e.args)
    except ValueError as e:
        print("ValueError branch", type(e).__name__, e, e.args, e.code)
    except Exception as e:
        print("Exception branch", type(e).__name__, str(e), e.args, repr(e))

print([k.__name__ for k in BadInput.__mro__])
print(getattr(Coded(5), "code"), Coded(5).args)
try:
    raise BadInput("both")
except ValueError as e:
    print("BadInput caught as ValueError:", e, isinstance(e, AppError))
