import a
print(a.use_b(), a.b.use_a())
import selfish
print(selfish.after)
import c
