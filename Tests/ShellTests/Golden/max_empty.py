print(max([3, 1]), min((3, 1)), max([], default=7))
print(max([]))
