import logging
import os
import sys

folder = 'logging_files_tmp'
os.makedirs(folder, exist_ok=True)
path = os.path.join(folder, 'train.log')

# No handlers anywhere: warnings and above go to sys.stderr as the bare message (lastResort).
sys.stderr, saved = sys.stdout, sys.stderr
quiet = logging.getLogger('quiet')
quiet.warning('no handler: %s', 'lastResort')
quiet.info('not shown')
sys.stderr = saved

logging.basicConfig(filename=path, filemode='w', level=logging.DEBUG,
                    format='%(levelname)s:%(name)s:%(module)s:%(message)s')
logging.debug('first %d', 1)
logging.info('second')
log = logging.getLogger('train')
log.warning('third %s', ['a', 'b'])
fh = logging.root.handlers[0]
print(type(fh).__name__, os.path.basename(fh.baseFilename), fh.mode, fh.level, logging.root.level)
logging.shutdown()
with open(path) as f:
    print(f.read(), end='')

logging.basicConfig(stream=sys.stdout, force=True, format='%(name)s|%(levelname)s|%(message)s', style='%')
logging.warning('after force')
print(len(logging.root.handlers), type(logging.root.handlers[0]).__name__)
child = logging.getLogger('a.b.c')
print(child.parent.name, logging.getLogger('a.b').parent.name, logging.getLogger('a.b.c') is child)


class OnlyEven(logging.Filter):
    def filter(self, record):
        return isinstance(record.args[0], int) and record.args[0] % 2 == 0


f = logging.getLogger('filtered')
f.addFilter(OnlyEven())
for i in range(4):
    f.warning('n=%d', i)
f.addFilter(lambda r: not isinstance(r.args[0], int) or r.args[0] > 0)
f.warning('n=%d', 0)
f.warning('n=%d', 2)
logging.getLogger().setLevel(logging.ERROR)
f.warning('suppressed')
f.error('shown %s', 'error')
n = logging.NullHandler()
print(n, logging.getLevelNamesMapping()['WARN'], logging.WARN == logging.WARNING)
try:
    logging.basicConfig(force=True, nonsense=1)
except ValueError as e:
    print('ValueError', e)
os.remove(path)
os.rmdir(folder)
