import torch
# ValueError from int()
print(int('12'))
int('1.5')
