print(sum([1, 2], 10), sum([[1], [2]], []))
print(sum(['a', 'b'], ''))
