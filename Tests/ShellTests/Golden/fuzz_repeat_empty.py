# Found by the structured fuzzer: repeating an empty sequence a huge number of times.
print(() * 2**40, [] * 2**40, '' * 2**62, 2**62 * (), (1, 2) * 0, [3] * -5, 'ab' * 3)
x = ()
x *= 9223372036854775807
print(x, len([] * 10**18))
