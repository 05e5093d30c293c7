def nested():
    for i in range(3):
        try:
            try:
                if i == 2:
                    return i * 100
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
print(nested())

def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "after loop " + str(i)
print(break_swallows())

def continue_swallows():
    seen = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            seen.append(i)
            continue
    return seen
print(continue_swallows())
def finally_raises():
    try:
        return "lost return"
    finally:
        raise RuntimeError("finally wins")
try:
    finally_raises()
except RuntimeError as e:
    print("RuntimeError:", e)
