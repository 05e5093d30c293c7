import os
import sys
from tools.common_tools import set_seed, Meter
import tools.common_tools as ct
import tools.common_tools
import tools

set_seed(1)
import random
print(random.random(), random.randint(1, 6), random.choice("abc"))
set_seed(1)
print(random.random())
print(ct.calls, tools.common_tools.calls, ct is tools.common_tools, tools.common_tools is sys.modules["tools.common_tools"])
print(ct.__name__, ct.__package__, ct.__doc__)
print(os.path.relpath(ct.__file__, os.path.dirname(__file__)))
print(Meter.__module__, Meter, Meter().add(3).total)
print(type(ct).__name__, tools.__package__, tools.__doc__)
print(sorted(k for k in sys.modules if k.startswith("tools")))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(repr(ct).replace(os.path.dirname(__file__), "<dir>"))
