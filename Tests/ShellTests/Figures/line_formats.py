# Line styles from format strings and keywords.
import numpy as np
from matplotlib import pyplot as plt

x = np.linspace(0, 2 * np.pi, 50)
plt.plot(x, np.sin(x), 'r--', label='sin')
plt.plot(x, np.cos(x), 'g', linewidth=2, label='cos')
plt.legend(loc='upper right')
plt.xlim(0, 7)
plt.show()
