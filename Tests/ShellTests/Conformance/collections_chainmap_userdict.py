from collections import ChainMap, UserDict
defaults = {'lr': 0.1, 'epochs': 10, 'momentum': 0.9}
cli = {'lr': 0.01}
cfg = ChainMap(cli, defaults)
print(cfg['lr'], cfg['epochs'], len(cfg), sorted(cfg), 'momentum' in cfg, cfg.get('x', 'none'))
cfg['batch'] = 64
print(cli, cfg, dict(cfg) == {'lr': 0.01, 'epochs': 10, 'momentum': 0.9, 'batch': 64})
child = cfg.new_child({'lr': 1.0})
print(child['lr'], child.parents['lr'], list(child.items())[:2])
try: del cfg['epochs']
except KeyError as e: print('KeyError', e)
print(cfg.pop('batch'), cli, bool(ChainMap()), ChainMap() | {'a': 1})
class Lower(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
d = Lower({'A': 1}, B=2)
print(d, d['a'], 'b' in d, len(d), d.get('z', 0), list(d.keys()), d == {'a': 1, 'b': 2})
d.update(C=3); print(d.pop('c'), d.setdefault('d', 4), d)
print(UserDict.fromkeys('xy', 0), d.copy(), type(d.copy()).__name__)
