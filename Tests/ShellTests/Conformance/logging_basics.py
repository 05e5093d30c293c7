import logging
import sys

import io
# A fixed clock, so asctime is the same for CPython and nnsh.
import time
logging.Formatter.converter = lambda self, t=None: time.gmtime(0)
logging.basicConfig(stream=sys.stdout, level=logging.INFO, datefmt='%Y-%m-%d %H:%M:%S',
                    format='%(asctime)s %(levelname)-8s %(name)s %(filename)s:%(lineno)d %(funcName)s | %(message)s')
log = logging.getLogger(__name__)
log.info('starting epoch %d of %d', 1, 10)
log.debug('not shown')
log.warning('lr reduced to %.4f', 0.001)


def train_step(step):
    log.info('step %s done', step)
    if step == 2:
        log.error('loss is nan at step %d', step)


for s in range(3):
    train_step(s)

child = logging.getLogger('model.encoder')
child.setLevel(logging.DEBUG)
child.debug('shape %s', (2, 3))
print(child, child.parent, logging.getLogger('model'), logging.root, child.getEffectiveLevel())
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName('ERROR'))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[{levelname}] {name}: {message}', style='{'))
other = logging.getLogger('other')
other.propagate = False
other.addHandler(h)
other.warning('braces %s', 'style')
print(h, other.handlers, other.hasHandlers())
buf = io.StringIO()
caught = logging.StreamHandler(buf)
other.addHandler(caught)
other.removeHandler(h)
try:
    1 / 0
except ZeroDivisionError:
    other.exception('failed')
other.removeHandler(caught)
other.addHandler(h)
lines = buf.getvalue().splitlines()
print(lines[0], lines[1], lines[-1], sep=' | ')
other.info('not enabled: %s', other.isEnabledFor(logging.INFO))
other.setLevel('DEBUG')
other.info('enabled: %s', other.isEnabledFor(logging.INFO))
adapter = logging.LoggerAdapter(other, {'run': 7})
adapter.warning('through an adapter')
for bad in ['NOPE', 3.5]:
    try:
        other.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
logging.disable(logging.ERROR)
log.error('disabled')
logging.disable(logging.NOTSET)
log.critical('back %(a)s', {'a': 'on'})
try:
    logging.basicConfig(stream=sys.stdout, filename='x.log', force=True)
except ValueError as e:
    print('ValueError', e)
try:
    logging.Formatter('no fields')
except ValueError as e:
    print('ValueError', e)
rec = logging.makeLogRecord({'msg': 'hi %s', 'args': ('there',), 'levelno': 20})
print(rec.getMessage())
