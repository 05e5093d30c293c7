import sys
try:
    import bad
except ValueError as e:
    print("caught:", e, "| still cached:", "bad" in sys.modules)
import bad
