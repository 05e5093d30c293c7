import torch
# index tensors: the kernel checks element by element, numbering dims among the index tensors
x = torch.arange(6.).reshape(2, 3)
print(x[[0, 1], [2, 0]], x[[[1], [0]], [[0, 2]]])
print(x[[0], []], torch.zeros(0, 3)[[], [1]], x[[1.7]], x[[]])
x[[0, 7], [5, 0]]
