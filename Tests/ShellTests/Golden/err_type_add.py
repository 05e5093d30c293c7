import torch
# TypeError adding int and str
print('before')
y = 1 + 'a'
