# Found by the structured fuzzer: chunk(2**63 - 1) overflowed computing the chunk size.
# PyTorch computes it in wrapping int64 arithmetic; an empty dim gives `chunks` empty tensors.
import torch
x = torch.arange(5.)
print(x.chunk(2), x.chunk(5), x.chunk(7), torch.ones(0).chunk(3), torch.ones(2, 0).chunk(2, 1))
print(x.split(9223372036854775807), torch.ones(0).split(0))
x.chunk(9223372036854775807)
