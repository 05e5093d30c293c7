# Large values: matplotlib writes the scale ('1e6') above the y axis.
from matplotlib import pyplot as plt

plt.plot([0, 1, 2, 3], [1e6, 2e6, 3e6, 4e6])
plt.show()
