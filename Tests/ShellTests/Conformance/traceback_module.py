import os
import sys
import traceback


def inner(x):
    return 1 / x


def outer():
    try:
        inner(0)
    except ZeroDivisionError:
        info = sys.exc_info()
        print(info[0], type(info[1]).__name__, type(info[2]).__name__, info[1] is sys.exception())
        text = traceback.format_exc()
        lines = text.splitlines()
        print(lines[0])
        print([l.strip().replace(os.path.dirname(os.path.abspath(__file__)) + '/', '') for l in lines if l.startswith('  File')])
        print(lines[-1])
        print(traceback.format_exception_only(sys.exception()))


outer()
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad key') from e
except ValueError as e:
    lines = traceback.format_exception(e)
    print(lines[-1], end='')
    print([l for l in lines if 'direct cause' in l or 'During handling' in l])
    print(traceback.format_exception_only(type(e), e))
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
try:
    try:
        int('x')
    except ValueError:
        [][1]
except IndexError as e:
    lines = traceback.format_exception(e)
    print([l for l in lines if 'During handling' in l], lines[-1], end='')
    print(traceback.format_exception(e, chain=False)[-1], end='')
print(traceback.format_exception(RuntimeError('never raised')))
print(traceback.format_exception_only(KeyError('k')), traceback.format_exception_only(StopIteration()))
print(sys.exc_info(), sys.exception())


class MyError(Exception):
    pass


try:
    raise MyError('custom')
except MyError:
    traceback.print_exc(file=sys.stdout, limit=0) if False else None
    print(traceback.format_exc().splitlines()[-1])
try:
    traceback.format_exception(5)
except TypeError as e:
    print('TypeError:', e)
