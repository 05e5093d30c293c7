import matplotlib.pyplot as plt
import numpy as np
fig, axes = plt.subplots(1, 3)
axes[0].plot([0, 1e-7], [5, 5.000001])
axes[1].bar([1, 2, 3], [10, 20, 15])
axes[2].scatter(np.arange(5), np.arange(5) ** 2)
for ax in axes:
    print(ax.get_xlim(), ax.get_ylim())
    print(list(ax.get_xticks()), list(ax.get_yticks()))
ax = axes[0]
ax.set_xlim(left=-1)
print(ax.get_xlim())
ax.set_ylim(3, 3)
print(ax.get_ylim())
axes[1].invert_yaxis()
print(axes[1].get_ylim())
print(plt.axis('off'))
plt.subplot(1, 3, 4)
