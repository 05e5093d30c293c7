import torch
# ZeroDivisionError for float division
print(1.0 / 3)
print(1.0 / 0.0)
