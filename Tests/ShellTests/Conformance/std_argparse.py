import argparse, sys
sys.stderr = sys.stdout
def make():
    p = argparse.ArgumentParser(prog='train.py', description='Train a LeNet on a folder of images.')
    p.add_argument('data', help='folder with the training images')
    p.add_argument('--lr', type=float, default=0.01, help='learning rate (default: %(default)s)')
    p.add_argument('--epochs', '-e', type=int, default=10, help='number of epochs')
    p.add_argument('--batch-size', type=int, default=64)
    p.add_argument('--device', choices=['cpu', 'cuda'], default='cpu', help='where to train')
    p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
    p.add_argument('--no-shuffle', dest='shuffle', action='store_false', help='keep the data order')
    p.add_argument('--layers', nargs='+', type=int, default=[6, 16])
    p.add_argument('--tag', action='append', help='a tag; may repeat')
    p.add_argument('--resume', nargs='?', const='last.pt', default=None, help='checkpoint to resume from, a long help text that has to wrap over more than one line of the help output')
    g = p.add_argument_group('logging', 'where the logs go')
    g.add_argument('--log-dir', default='runs', metavar='DIR', help='log folder')
    return p
p = make()
for argv in [['imgs'], ['imgs', '--lr', '0.1', '-e', '3', '--batch-size=32', '-vv', '--no-shuffle'],
             ['imgs', '--layers', '1', '2', '3', '--tag', 'a', '--tag', 'b', '--resume'],
             ['imgs', '--resume', 'ck.pt', '--device', 'cuda', '--log-dir', '/tmp/x', '--ep', '7'],
             ['imgs', '-e5', '--lr=-1e-3']]:
    print(p.parse_args(argv))
for argv in [[], ['imgs', '--lr', 'fast'], ['imgs', '--device', 'tpu'], ['imgs', '--epochs'], ['imgs', 'extra'], ['imgs', '--bogus']]:
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print('exit', e.code)
try:
    p.parse_args(['-h'])
except SystemExit as e:
    print('exit', e.code)
print(repr(p.format_usage()))
ns, rest = p.parse_known_args(['imgs', '--unknown', 'x'])
print(ns.data, rest)
q = argparse.ArgumentParser(prog='small')
q.add_argument('--flag', action='store_true')
q.add_argument('files', nargs='*')
q.set_defaults(mode='fast')
print(q.parse_args([]), q.parse_args(['a', 'b', '--flag']))
q.print_help()
print(argparse.Namespace(a=1, b='x'), argparse.Namespace(a=1) == argparse.Namespace(a=1))
