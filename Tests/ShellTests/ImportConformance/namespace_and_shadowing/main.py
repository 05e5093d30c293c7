import sys
import nspkg
print(type(nspkg).__name__, nspkg.__file__, nspkg.__doc__, nspkg.__package__)
print([p.replace(sys.path[0], "<dir>") for p in nspkg.__path__])
from nspkg import mod
from nspkg.inner import leaf
import nspkg.inner.leaf
print(mod.v, leaf.v, nspkg.inner.leaf.v, nspkg.mod is mod)
import random
print(random.random())
print(sys.platform, "maxsize" in dir(sys))
