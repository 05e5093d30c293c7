# A cubic: negative tick labels are written with the unicode minus sign.
import numpy as np
from matplotlib import pyplot as plt

x = np.linspace(-3, 3, 100)
y = x ** 3
plt.plot(x, y)
plt.ylabel('cube')
plt.show()
