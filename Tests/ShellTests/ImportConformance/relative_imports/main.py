import pkg
print(pkg.helper(), pkg.sub.h(), pkg.sub.parent_name, pkg.where())
from pkg.sub import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(pkg.sub.__package__, pkg.sub.deep.__package__, pkg.util.__package__)
try:
    import pkg.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import pkg
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .pkg import util
except ImportError as e:
    print(type(e).__name__, e)
import importlib
print(importlib.import_module(".util", "pkg").helper())
print(importlib.import_module("pkg.sub.deep").where())
