# A histogram of 1000 standard normal samples.
import numpy as np
from matplotlib import pyplot as plt

np.random.seed(0)
data = np.random.randn(1000)
plt.hist(data, bins=30)
plt.title('randn')
plt.show()
