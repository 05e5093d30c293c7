# OSError's errno / strerror / filename and its str
import os
try:
    open('/nonexistent-nnsh/x')
except OSError as e:
    print(type(e).__name__, e, e.args, e.errno, e.strerror, e.filename, repr(e))
try:
    os.listdir('/nonexistent-nnsh')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
print(OSError(2, 'x'), OSError('plain'), OSError(2, 'x', 'f'), OSError(1, 2, 3, 4), OSError(), PermissionError(13, 'no'))
