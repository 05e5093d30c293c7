/// CPython 3.11's `time`, written for nnsh in Python over `_time` (Imports/TimeModule.swift):
/// clocks, `sleep`, `struct_time` as CPython prints it, `localtime`/`gmtime`/`mktime`,
/// `strftime`, `asctime`/`ctime`.
enum TimeLibrary {
    static let source = #"""
"""This module provides various functions to manipulate time values."""

import _time

time = _time.time
time_ns = _time.time_ns
monotonic = _time.monotonic
monotonic_ns = _time.monotonic_ns
perf_counter = _time.perf_counter
perf_counter_ns = _time.perf_counter_ns
process_time = _time.process_time
process_time_ns = _time.process_time_ns
sleep = _time.sleep

_fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime()."""

    def __new__(cls, values, zone=None, gmtoff=None):
        values = tuple(values)
        if len(values) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(values)}-sequence given)")
        if len(values) > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(values)}-sequence given)")
        self = tuple.__new__(cls, values[:9])
        self._zone = values[9] if len(values) > 9 else zone
        self._gmtoff = values[10] if len(values) > 10 else gmtoff
        return self

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(f'{n}={v!r}' for n, v in zip(_fields, self)) + ')'

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0


def localtime(seconds=None):
    return struct_time(_time.localtime(seconds))


def gmtime(seconds=None):
    return struct_time(_time.gmtime(seconds))


def mktime(t):
    return _time.mktime(tuple(t))


def strftime(format, t=None):
    if t is None:
        t = localtime()
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    return _time.strftime(format, tuple(t))


_days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def asctime(t=None):
    if t is None:
        t = localtime()
    return f'{_days[t[6]]} {_months[t[1] - 1]} {t[2]:2d} {t[3]:02d}:{t[4]:02d}:{t[5]:02d} {t[0]}'


def ctime(seconds=None):
    return asctime(localtime(seconds))


timezone = -_time.localtime(0)[10]
tzname = (_time.localtime(0)[9], _time.localtime(0)[9])
"""#
}
