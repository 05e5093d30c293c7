# Four kinds of plot on a 2x2 grid of axes.
import numpy as np
from matplotlib import pyplot as plt

fig, axes = plt.subplots(2, 2, figsize=(8, 6))

x = np.linspace(0, 10, 50)
axes[0, 0].plot(x, np.sin(x))
axes[0, 0].set_title('line')

axes[0, 1].bar([1, 2, 3], [3, 1, 2])
axes[0, 1].set_title('bar')

np.random.seed(1)
axes[1, 0].scatter(np.random.randn(50), np.random.randn(50))
axes[1, 0].set_title('scatter')

axes[1, 1].imshow(np.arange(16).reshape(4, 4), cmap='viridis')
axes[1, 1].set_title('image')

fig.suptitle('grid')
plt.show()
