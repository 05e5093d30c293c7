/// CPython 3.11's `traceback`, the parts scripts use: `format_exc`, `print_exc`,
/// `format_exception`, `print_exception`, `format_exception_only`, `print_last` is absent. Frames
/// come from what nnsh records when an exception is caught (Imports/TracebackModule.swift), so
/// `traceback.print_exc()` in an `except` prints what an uncaught error would have. Stack
/// inspection (`extract_stack`, `walk_tb`, `StackSummary`) raises NotImplementedError.
enum TracebackLibrary {
    static let source = #"""
"""Extract, format and print information about Python stack traces (nnsh's subset)."""

import sys
import _traceback

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc', 'print_exception']

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        else:
            return None, None
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information."""
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    return _traceback.format_exception(value, chain)


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _traceback.format_exception(value, False)[-1:]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError("traceback.%s is not supported by nnsh (it keeps no frame objects)" % name)
    f.__name__ = name
    return f


extract_stack = _unsupported('extract_stack')
extract_tb = _unsupported('extract_tb')
format_stack = _unsupported('format_stack')
format_tb = _unsupported('format_tb')
print_stack = _unsupported('print_stack')
print_tb = _unsupported('print_tb')
walk_tb = _unsupported('walk_tb')
walk_stack = _unsupported('walk_stack')
"""#
}
