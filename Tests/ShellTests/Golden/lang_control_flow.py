import torch
# if/elif/else, for/while, break/continue, nested loops, loop else
for n in range(-1, 4):
    if n < 0:
        print(n, 'neg')
    elif n == 0:
        print(n, 'zero')
    elif n == 1:
        print(n, 'one')
    else:
        print(n, 'many')
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print('odd', i)
for x in range(3):
    for y in range(3):
        if y > x:
            break
        print(x, y, end='; ')
print()
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print('no break')
k = 3
while k > 0:
    k -= 1
else:
    print('while done', k)
total = 0
for a in range(10, 0, -3):
    total += a
print(total, list(range(10, 0, -3)), list(range(0)), list(range(2, 8, 2)))
if not []:
    print('empty falsy')
if 0.0 or '' or None or ():
    print('never')
else:
    print('all falsy')
n = 0
while n < 3: n += 1
print(n)
for i in range(3): pass
print(i)
