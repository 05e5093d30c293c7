def lookup(d, k):
    try:
        return d[k]
    finally:
        print("lookup finally", k)

data = {"a": 1}
print(lookup(data, "a"))
try:
    lookup(data, "b")
except KeyError as e:
    print("caught", e)
print("next one escapes")
lookup(data, "zz")
