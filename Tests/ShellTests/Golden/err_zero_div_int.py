import torch
# ZeroDivisionError for integer floor division
print(7 // 2)
print(1 // 0)
