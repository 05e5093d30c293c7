import matplotlib
import matplotlib.pyplot as plt
import numpy as np
plt.rcParams['axes.unicode_minus'] = False
plt.rcParams['figure.figsize'] = (8, 4)
print(plt.rcParams['figure.figsize'], plt.rcParams['lines.linewidth'], matplotlib.rcParams['image.cmap'])
fig = plt.figure()
print(fig)
x = np.linspace(-3, 3, 50)
plt.plot(x, np.tanh(x), label='tanh')
plt.axhline(0, color='k', linestyle='--')
plt.axvline(0)
print(plt.cm.gray.name, plt.get_cmap('jet').name, matplotlib.colormaps['viridis'].N, plt.cm.viridis.reversed().name)
print(plt.ylim(), [t.get_text() for t in plt.yticks()[1]])
print(plt.xticks()[0])
try:
    plt.rcParams['nope'] = 1
except KeyError as e:
    print('KeyError', e)
plt.rcParams['figure.figsize'] = (1, 2, 3)
