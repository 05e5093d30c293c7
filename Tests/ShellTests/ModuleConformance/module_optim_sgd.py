# torch.optim.SGD: plain, momentum, weight_decay, nesterov on a tiny regression.
import torch
import torch.nn as nn

x = torch.tensor([[0.0], [1.0], [2.0], [3.0]])
y = 2.0 * x + 1.0


def run(**kwargs):
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), **kwargs)
    losses = []
    for _ in range(5):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 4))
    print(kwargs)
    print(losses)
    print(round(model.weight.item(), 4), round(model.bias.item(), 4))
    return opt


run(lr=0.05)
opt = run(lr=0.05, momentum=0.9)
state = opt.state[opt.param_groups[0]["params"][0]]
print(list(state.keys()), state["momentum_buffer"].shape)
run(lr=0.05, momentum=0.9, dampening=0.1)
run(lr=0.05, weight_decay=0.1)
run(lr=0.05, momentum=0.5, nesterov=True)
run(lr=0.01, maximize=True)

w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w ** 2).sum().backward()
print(w.grad)
opt.step()
print(w)
opt.zero_grad()
print(w.grad)
opt.zero_grad(set_to_none=False)
print(w.grad)
