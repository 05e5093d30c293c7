# Loss errors: target out of bounds, float target for CE, batch size mismatch, bad reduction string.
import torch
import torch.nn as nn

logits = torch.tensor([[1.0, 2.0, 0.5], [0.0, 1.0, -1.0]])
attempts = [
    ("out of bounds", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0, 3]))),
    ("negative", lambda: nn.NLLLoss()(logits, torch.tensor([0, -2]))),
    ("batch", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0, 1, 2]))),
    ("nll batch", lambda: nn.NLLLoss()(logits, torch.tensor([1]))),
    ("reduction", lambda: nn.MSELoss(reduction="average")(logits, logits)),
    ("bce range", lambda: nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.0]))),
    ("bce sizes", lambda: nn.BCELoss()(torch.tensor([0.5, 0.5]), torch.tensor([1.0]))),
    ("logits sizes", lambda: nn.BCEWithLogitsLoss()(torch.zeros(2, 3), torch.zeros(3, 2))),
    ("long target bce", lambda: nn.BCEWithLogitsLoss()(torch.zeros(2), torch.tensor([1, 0]))),
]
for label, attempt in attempts:
    try:
        attempt()
        print(label, "no error")
    except (RuntimeError, ValueError, IndexError) as e:
        print(label, type(e).__name__, e)
print(nn.MSELoss()(torch.zeros(2, 1), torch.ones(2)).item())
nn.CrossEntropyLoss()(logits, torch.tensor([0.0, 1.0]))
