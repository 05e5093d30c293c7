import torch
# ordering comparison between str and int
print(1 < 2)
print('a' < 1)
