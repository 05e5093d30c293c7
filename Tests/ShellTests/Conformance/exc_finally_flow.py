def early(x):
    try:
        if x:
            return "returned from try"
        print("no early return")
    finally:
        print("finally in early", x)
    return "normal end"

print(early(True))
print(early(False))

for i in range(4):
    try:
        if i == 1:
            print("continue at", i)
            continue
        if i == 3:
            print("break at", i)
            break
        print("body", i)
    finally:
        print("finally", i)
print("loop over")

n = 0
while True:
    try:
        n += 1
        if n > 2:
            break
    finally:
        print("while finally", n)
print("while over", n)
