def main():
    print("main running, __name__ =", __name__)
    n = 5
    while (n := n - 1) > 0:
        print("n is", n)
    print("final n", n)
    data = [1, 2, 3, 4]
    if (count := len(data)) > 3:
        print("long list", count)
    if (first := data[0]) == 1 and (second := data[1]) == 2:
        print("first two", first, second)
    print(count, first, second)
    values = []
    line = ""
    src = ["a", "b", "", "c"]
    while (line := src.pop(0)) != "":
        values.append(line)
    print(values, src, repr(line))
    print((y := 10) + y, y)

if __name__ == "__main__":
    main()
    print("guarded block ran")
else:
    print("imported")
if (w := "walrus at module") :
    print(w)
print(__name__ == "__main__")
