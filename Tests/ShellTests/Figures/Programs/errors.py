import matplotlib.pyplot as plt
import numpy as np
import torch

cases = [
    lambda: plt.plot([1, 2], [1, 2, 3]),
    lambda: plt.plot([1, 2], 'q'),
    lambda: plt.plot([1, 2], 'r--:'),
    lambda: plt.plot([1, 2], 'ro^'),
    lambda: plt.plot([1, 2], 'C-'),
    lambda: plt.subplot(1234),
    lambda: plt.subplot(2, 2, 5),
    lambda: plt.subplot(2, 0, 1),
    lambda: plt.imshow(np.zeros((3, 8, 8))),
    lambda: plt.imshow(np.zeros((8, 8, 2))),
    lambda: plt.plot([1], foo=3),
    lambda: plt.savefig('x.xyz'),
    lambda: plt.plot(torch.ones(3, requires_grad=True)),
    lambda: plt.plot([[[1]]]),
    lambda: plt.xlim(float('nan'), 1),
    lambda: plt.colorbar(),
    lambda: plt.hist([1, 2], bins=0),
    lambda: plt.plot([1], color='notacolor'),
    lambda: plt.plot([1], linestyle='~'),
    lambda: plt.plot([1], marker='?'),
    lambda: plt.scatter([1, 2], [1, 2, 3]),
    lambda: plt.grid(axis='z'),
]
for f in cases:
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
