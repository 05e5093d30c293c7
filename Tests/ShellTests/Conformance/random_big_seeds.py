import random
for seed in [2**64, 2**100 + 12345, -(2**70), 10**40, b"abc", bytearray(b"xyz")]:
    random.seed(seed)
    print(random.random(), random.randint(0, 10**6))
