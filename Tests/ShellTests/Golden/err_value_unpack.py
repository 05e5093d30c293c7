import torch
# ValueError unpacking too many values
a, b = [1, 2]
print(a, b)
a, b = [1, 2, 3]
