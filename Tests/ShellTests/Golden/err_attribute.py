import torch
# AttributeError on a str
s = 'abc'
print(s.upper())
s.nonexistent()
