# Plot three activation functions on one set of axes.
import torch
from matplotlib import pyplot as plt

x = torch.linspace(-6, 6, 200)
plt.plot(x.numpy(), torch.sigmoid(x).numpy(), label='sigmoid')
plt.plot(x.numpy(), torch.tanh(x).numpy(), label='tanh')
plt.plot(x.numpy(), torch.relu(x).numpy(), label='relu')
plt.legend()
plt.grid()
plt.title('Activation functions')
plt.xlabel('x')
plt.ylabel('y')
plt.show()
