value = 1
x = = 2
