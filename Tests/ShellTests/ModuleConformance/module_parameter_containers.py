# nn.ParameterList and nn.ParameterDict: reprs (the list names dtypes, the dict legacy types), registration, indexing, append, items, errors.
import torch, torch.nn as nn
torch.manual_seed(0)
pl = nn.ParameterList([nn.Parameter(torch.randn(2, 3)), torch.ones(3)])
print(pl); print(len(pl), [n for n, _ in pl.named_parameters()], type(pl[1]).__name__, pl[1].requires_grad)
pl.append(torch.zeros(1, dtype=torch.float64)); print(pl)
pd = nn.ParameterDict({'a': nn.Parameter(torch.ones(2)), 'b': torch.zeros(1, 2)})
print(pd, list(pd.keys()), 'a' in pd, len(pd))
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterList([nn.Parameter(torch.ones(2)) for _ in range(2)])
print(M(), [n for n, _ in M().named_parameters()])
print(nn.ParameterList())
print(nn.ParameterList([nn.Parameter(torch.ones(2))]))
print(nn.ParameterDict({'a': nn.Parameter(torch.tensor(1.))}))
pl = nn.ParameterList([torch.ones(2)]); print(pl[-1], pl[0:1])
try: pl[5]
except Exception as e: print(type(e).__name__, e)
pd = nn.ParameterDict(); pd['w'] = torch.zeros(2); print(pd['w'].requires_grad, list(pd.items())[0][0])
try: pd['q']
except Exception as e: print(type(e).__name__, e)
for p in nn.ParameterList([torch.ones(1), torch.zeros(1)]): print(p.sum().item())
print(sum(p.numel() for p in M().parameters()), isinstance(pl, nn.ParameterList))
