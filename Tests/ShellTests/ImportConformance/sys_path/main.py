import os
import sys
import importlib
here = os.path.dirname(os.path.abspath(__file__))
try:
    import helper_a
except ModuleNotFoundError as e:
    print(e)
sys.path.append(os.path.join(here, "extra"))
import helper_a
print(helper_a.name)
sys.path.insert(0, os.path.join(here, "second"))
sys.path.insert(0, os.path.join(here, "first"))
sys.path.insert(0, 42)
import helper_b
print(helper_b.name)
import counter
counter.count += 5
import counter
print(counter.count)
del sys.modules["counter"]
import counter
print(counter.count)
counter.count = 9
again = importlib.reload(counter)
print(again is counter, counter.count)
print(importlib.import_module("helper_a") is helper_a)
