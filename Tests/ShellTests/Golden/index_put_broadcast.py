import torch
# Advanced-index assignment whose index broadcast repeats positions (found by the structured fuzzer
# as a 10**9-element case): a one-element value is written without materialising it.
e = torch.eye(4)
a = e.to(torch.int32)
e[a] = 3
print(e)
f = torch.zeros(3, 4)
f[torch.tensor([[0, 2], [1, 0]]), torch.tensor([1, 3])] = torch.tensor([5., 6.])
print(f)
g = torch.arange(12).reshape(3, 4)
g[:, torch.tensor([0, 0, 3])] = torch.tensor(-1)
g[torch.tensor([True, False, True])] = torch.tensor([7, 8, 9, 10])
print(g)
