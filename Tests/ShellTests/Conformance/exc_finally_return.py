def override():
    try:
        return "try"
    finally:
        return "finally"

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def value_snapshot():
    x = [1]
    try:
        return x
    finally:
        x.append(2)

def rebinding():
    x = 1
    try:
        return x
    finally:
        x = 2

def except_return():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("finally after except return")

print(override())
print(swallow())
print(value_snapshot())
print(rebinding())
print(except_return())
