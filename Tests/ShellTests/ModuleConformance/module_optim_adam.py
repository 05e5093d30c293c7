# torch.optim.Adam and AdamW on a tiny regression; optimizer state.
import torch
import torch.nn as nn

x = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
y = torch.tensor([[1.0], [-1.0], [0.0]])


def run(cls, **kwargs):
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    opt = cls(model.parameters(), **kwargs)
    for step in range(6):
        opt.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        opt.step()
        if step % 2 == 1:
            print(step, round(loss.item(), 4))
    print(cls.__name__, kwargs)
    print(model.weight.data, model.bias.data)
    return opt


opt = run(torch.optim.Adam, lr=0.1)
state = opt.state[opt.param_groups[0]["params"][0]]
print(sorted(state.keys()), state["step"], state["exp_avg"].shape)
run(torch.optim.Adam, lr=0.05, betas=(0.8, 0.99), eps=1e-6)
run(torch.optim.Adam, lr=0.1, weight_decay=0.1)
run(torch.optim.Adam, lr=0.1, amsgrad=True)
run(torch.optim.AdamW, lr=0.1)
run(torch.optim.AdamW, lr=0.1, weight_decay=0.5)

p = torch.tensor([1.0], requires_grad=True)
adam = torch.optim.Adam([p], lr=0.5)
for _ in range(3):
    adam.zero_grad()
    (3 * p).sum().backward()
    adam.step()
    print(round(p.item(), 4))
