import torch
# list/dict/set comprehensions and generator expressions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print([c.upper() for c in 'abc'], [s for s in ['a', '', 'b'] if s])
print(sum(x for x in range(10)), max(len(w) for w in ['aa', 'b', 'cccc']), any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
print([x if x % 2 else -x for x in range(5)])
vals = [torch.tensor(float(i)) for i in range(3)]
print(vals)
print([t.item() * 2 for t in vals])
