import sys
import tool
import __main__
print(tool.main(), __name__, __main__.__name__, sys.modules["__main__"] is __main__)
marker = "set in main"
print(__main__.marker)
if __name__ == "__main__":
    print("main guard runs")
