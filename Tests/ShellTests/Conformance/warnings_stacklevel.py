# warnings.warn's stacklevel names the caller's line (and module) the given number of frames out.
import warnings
warnings.simplefilter("always")


def inner(level):
    warnings.warn("level %d" % level, UserWarning, stacklevel=level)


def outer(level):
    inner(level)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for level in (1, 2, 3, 4, 9):
        outer(level)
for w in caught:
    print(w.lineno, w.filename.rsplit("/", 1)[-1], w.message)
warnings.warn("deprecated here", DeprecationWarning)
print("done")
