import warnings
import sys
import os


class Report:
    # Warnings go to stdout, with this folder's path left out (it differs between machines).
    def write(self, s):
        sys.__stdout__.write(s.replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ''))

    def flush(self):
        pass


sys.stderr = Report()
def old():
    warnings.warn("old() is deprecated", DeprecationWarning)
    return 1
warnings.warn("plain user warning")
for i in range(3):
    warnings.warn("in a loop, shown once")
old()
warnings.warn("a runtime one", RuntimeWarning)
warnings.warn(UserWarning("instance message"))
warnings.warn("future", FutureWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always now")
warnings.filterwarnings("ignore", message="noisy")
warnings.warn("noisy thing")
warnings.warn("not noisy")
warnings.filterwarnings("ignore", message=".*spam.*")
warnings.warn("eggs and spam here")
warnings.filterwarnings("error", category=RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("caught", type(e).__name__, e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    warnings.warn("recorded too", SyntaxWarning)
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught], caught[0].lineno)
warnings.warn("after catch")
try:
    warnings.warn("bad", "notaclass")
except TypeError as e:
    print("TypeError:", e)
warnings.resetwarnings()
warnings.warn("reset: default action")
warnings.warn("reset: default action")
warnings.filterwarnings('ignore')
warnings.warn("silenced")
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  src line  "), end="")
print("done")
