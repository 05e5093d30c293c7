log = []

def step(name, fail=None):
    log.append(name)
    if fail:
        raise fail(name)
try:
    try:
        step("inner try", KeyError)
    finally:
        step("inner finally")
except KeyError as e:
    step("outer except " + repr(e))
print(log)
log = []
try:
    try:
        step("try", ValueError)
    except ValueError:
        step("except raises", TypeError)
    else:
        step("else never")
    finally:
        step("finally")
except TypeError as e:
    step("outer caught " + type(e).__name__)
print(log)
log = []
try:
    step("try")
except Exception:
    step("never")
else:
    try:
        step("else raises", IndexError)
    except IndexError:
        step("caught inside else")
finally:
    step("finally")
print(log)
