/// CPython 3.11's `itertools`, written for nnsh in Python. Every iterator is a class with
/// `__next__` (not a generator function), so each is its own type as in CPython
/// (`type(chain()).__name__ == 'chain'`, `repr(count(3)) == 'count(3)'`) and advancing it costs a
/// method call, not a generator switch. The combinatoric iterators keep CPython's index
/// state and emit in its order; messages are CPython's.
enum ItertoolsLibrary {
    static let source = #"""
"""Functional tools for creating and using iterators."""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']

import sys as _sys


def _number(x):
    return isinstance(x, (int, float))


class count:
    def __init__(self, start=0, step=1):
        if not _number(start) or not _number(step):
            raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first_pass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first_pass:
            try:
                x = next(self._it)
            except StopIteration:
                self._first_pass = False
                self._it = None
            else:
                self._saved.append(x)
                return x
        if not self._saved:
            raise StopIteration
        x = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return x


class repeat:
    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._object!r})"
        return f"repeat({self._object!r}, {self._times})"


def _add(a, b):
    return a + b


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = _add if func is None else func
        self._total = initial
        self._pending_initial = initial is not None
        self._started = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        value = next(self._it)
        if not self._started:
            self._started = True
            self._total = value
        else:
            self._total = self._func(self._total, value)
        return self._total


class chain:
    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._source = iter(iterables)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._source))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            d = next(self._data)
            s = next(self._selectors)
            if s:
                return d


class dropwhile:
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = next(self._it)
            if self._dropping and self._predicate(x):
                continue
            self._dropping = False
            return x


class takewhile:
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._predicate(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = next(self._it)
            if not (bool(x) if self._function is None else self._function(x)):
                return x


class starmap:
    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        return self._function(*next(self._it))


class pairwise:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._started = False
        self._previous = None

    def __iter__(self):
        return self

    def __next__(self):
        if not self._started:
            self._previous = next(self._it)
            self._started = True
        b = next(self._it)
        a = self._previous
        self._previous = b
        return (a, b)


class groupby:
    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
        self._id = object()

    def __iter__(self):
        return self

    def _key(self, value):
        return value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._key(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, _grouper(self, self._tgtkey, self._id))


class _grouper:
    def __init__(self, parent, tgtkey, id):
        self._parent = parent
        self._tgtkey = tgtkey
        self._id = id
        self._started = False
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if self._done or p._id is not self._id:
            raise StopIteration
        if self._started:
            try:
                p._currvalue = next(p._it)
            except StopIteration:
                self._done = True
                raise
            p._currkey = p._key(p._currvalue)
        self._started = True
        if p._currkey == self._tgtkey:
            return p._currvalue
        self._done = True
        raise StopIteration


def _slice_index(value, message):
    if value is None:
        return None
    if isinstance(value, int) and 0 <= value <= _sys.maxsize:
        return value
    raise ValueError(message)


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 0:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if len(args) > 3:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if len(args) == 1:
            start, step = 0, 1
            stop = _slice_index(args[0], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        else:
            message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            start = _slice_index(args[0], message)
            stop = _slice_index(args[1], message)
            step = args[2] if len(args) == 3 else None
            if step is None:
                step = 1
            elif not isinstance(step, int) or step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
            if start is None:
                start = 0
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._consumed = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None or self._stop is not None and self._next >= self._stop:
            if self._it is not None and self._stop is not None:
                # As CPython: the items before `stop` are consumed from the source.
                while self._consumed < self._stop:
                    try:
                        next(self._it)
                    except StopIteration:
                        break
                    self._consumed += 1
            self._it = None
            raise StopIteration
        try:
            while self._consumed < self._next:
                next(self._it)
                self._consumed += 1
            value = next(self._it)
        except StopIteration:
            self._it = None
            raise
        self._consumed += 1
        self._next += self._step
        return value


class _tee:
    def __init__(self, it, buffers, index):
        self._it = it
        self._buffers = buffers
        self._buffer = buffers[index]

    def __iter__(self):
        return self

    def __next__(self):
        if not self._buffer:
            value = next(self._it)
            for b in self._buffers:
                b.append(value)
        return self._buffer.pop(0)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee(it, buffers, i) for i in range(n))


class zip_longest:
    def __init__(self, *iterables, fillvalue=None):
        self._iterators = [iter(it) for it in iterables]
        self._active = len(self._iterators)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._active:
            raise StopIteration
        values = []
        for i, it in enumerate(self._iterators):
            if it is None:
                values.append(self._fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._iterators[i] = None
                value = self._fillvalue
            values.append(value)
        return tuple(values)


class product:
    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._pools = [tuple(pool) for pool in iterables] * repeat
        self._indices = None
        self._done = any(len(pool) == 0 for pool in self._pools)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        if self._indices is None:
            self._indices = [0] * len(pools)
        else:
            indices = self._indices
            i = len(pools) - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
        return tuple(pool[k] for pool, k in zip(pools, self._indices))


class permutations:
    def __init__(self, iterable, r=None):
        self._pool = tuple(iterable)
        n = len(self._pool)
        if r is None:
            r = n
        elif not isinstance(r, int):
            raise TypeError("Expected int as r")
        elif r < 0:
            raise ValueError("r must be non-negative")
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                moved = indices[i]
                del indices[i]
                indices.append(moved)
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[k] for k in indices[:r])
        self._done = True
        raise StopIteration


class combinations:
    def __init__(self, iterable, r):
        if not isinstance(r, int):
            raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(self._pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[k] for k in indices)


class combinations_with_replacement:
    def __init__(self, iterable, r):
        if not isinstance(r, int):
            raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = len(self._pool) == 0 and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        return tuple(pool[k] for k in indices)
"""#
}
