/// CPython 3.11's `io`: `open` and the file type from `_io` (Imports/IOModule.swift), and `StringIO`
/// as `_io.StringIO` behaves for text (universal newlines off, as its default `newline='\n'`).
/// Written for nnsh in Python; run as the module on first import.
enum IOLibrary {
    static let source = #"""
"""The io module: open() and in-memory text streams."""

from _io import open, TextIOWrapper, UnsupportedOperation, DEFAULT_BUFFER_SIZE

__all__ = ["open", "StringIO", "TextIOWrapper", "UnsupportedOperation", "DEFAULT_BUFFER_SIZE",
           "SEEK_SET", "SEEK_CUR", "SEEK_END"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class StringIO:
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        self._newline = newline
        self._buffer = self._translate_in(initial_value or '')
        self._pos = 0
        self._closed = False

    def _translate_in(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def getvalue(self):
        self._check()
        return self._buffer

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        s = self._translate_in(s)
        if self._pos > len(self._buffer):
            self._buffer += '\0' * (self._pos - len(self._buffer))
        self._buffer = self._buffer[:self._pos] + s + self._buffer[self._pos + len(s):]
        self._pos += len(s)
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(len(self._buffer), self._pos + size)
        out = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def readline(self, size=-1):
        self._check()
        sep = '\n' if self._newline in (None, '', '\n') else self._newline
        i = self._buffer.find(sep, self._pos)
        end = len(self._buffer) if i < 0 else i + len(sep)
        if self._newline == '':
            j = self._buffer.find('\r', self._pos)
            if j >= 0 and j + 1 < end:
                end = j + 2 if self._buffer[j + 1:j + 2] == '\n' else j + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buffer)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._buffer = self._buffer[:size]
        return size

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def close(self):
        self._closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


StringIO.__module__ = '_io'
"""#
}
