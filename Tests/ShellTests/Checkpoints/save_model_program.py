# torch.save of whole modules (issue 21): a model class of __main__, classes of an imported module,
# and one of every kind of layer, saved to sys.argv[1] (see scripts/golden/make_checkpoint_golden.py).
import sys

import torch
import torch.nn as nn

from model_classes import Block, ScaledLinear


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(Block(1, 4), nn.MaxPool2d(2), Block(4, 4), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())
        self.fc = ScaledLinear(4, 3, 0.5)
        self.aux = nn.ModuleList([self.fc, nn.Dropout(0.25)])
        self.name = "net-v1"
        self.register_buffer("steps", torch.tensor(7))
        self.register_buffer("scratch", torch.zeros(2), persistent=False)

    def forward(self, x):
        return self.fc(self.features(x))


torch.manual_seed(0)
net = Net()
net(torch.randn(2, 1, 8, 8))  # moves the BatchNorm running statistics
net.eval()
layers = dict(
    c1=nn.Conv1d(2, 2, 3), c2=nn.Conv2d(1, 2, 3, stride=2, padding=1, padding_mode="reflect"), c3=nn.Conv3d(1, 1, 2),
    ct=nn.ConvTranspose2d(2, 1, 3, stride=2, output_padding=1), bn1=nn.BatchNorm1d(3), bn2=nn.BatchNorm2d(2, momentum=None),
    ln=nn.LayerNorm([3]), gn=nn.GroupNorm(1, 2), lin=nn.Linear(3, 2, bias=False), emb=nn.Embedding(4, 2, padding_idx=1),
    do=nn.Dropout(0.3), d2=nn.Dropout2d(), relu=nn.ReLU(inplace=True), lrelu=nn.LeakyReLU(0.2), prelu=nn.PReLU(2, init=0.1),
    elu=nn.ELU(), gelu=nn.GELU(approximate="tanh"), silu=nn.SiLU(), sp=nn.Softplus(beta=2.0), ht=nn.Hardtanh(-2.0, 2.0),
    r6=nn.ReLU6(), sg=nn.Sigmoid(), th=nn.Tanh(), sm=nn.Softmax(dim=1), lsm=nn.LogSoftmax(1), mp=nn.MaxPool2d(2, return_indices=True),
    ap=nn.AvgPool2d(2, ceil_mode=True), amp=nn.AdaptiveMaxPool2d(2), uf=nn.Unflatten(1, (2, 2)), idn=nn.Identity(),
    ce=nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0]), label_smoothing=0.1), mse=nn.MSELoss(reduction="sum"),
    md=nn.ModuleDict({"a": nn.ReLU()}), pl=nn.ParameterList([nn.Parameter(torch.ones(1))]), mup=nn.MaxUnpool2d(2),
    bce=nn.BCEWithLogitsLoss(pos_weight=torch.ones(2)), mish=nn.Mish(), thr=nn.Threshold(0.1, 20.0), selu=nn.SELU(),
    nll=nn.NLLLoss(ignore_index=0), hub=nn.HuberLoss(delta=0.5), kl=nn.KLDivLoss(reduction="batchmean"), rr=nn.RReLU(),
    lstm=nn.LSTM(2, 3, batch_first=True), gru=nn.GRU(2, 2), lc=nn.LSTMCell(2, 2),
)
torch.save(net, sys.argv[1])
torch.save({"layers": layers, "shared": [net.fc, net.fc]}, sys.argv[1] + ".layers")
