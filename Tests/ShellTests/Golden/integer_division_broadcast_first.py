import torch
# a size mismatch is reported before the division-by-zero check looks at the values
x = torch.ones(5, dtype=torch.long)
print(x // torch.ones(1, dtype=torch.long).expand(5), x % 2)
x // torch.zeros(1, dtype=torch.long).expand(2**40)
