import re
import os

# What training scripts do with re: checkpoint names, log lines, layer names, config strings.
files = ['model_epoch_3.pth', 'model_epoch_12.pth', 'notes.txt', 'model_epoch_7.pth', 'best.pth']
pat = re.compile(r'model_epoch_(\d+)\.pth$')
epochs = sorted(int(m.group(1)) for f in files if (m := pat.match(f)))
print(epochs, max(epochs))
latest = max(files, key=lambda f: int(m.group(1)) if (m := pat.search(f)) else -1)
print(latest)

log = """[2026-12-07 10:00:01] epoch 1/10 loss=0.6931 acc=51.2%
[2026-12-07 10:00:05] epoch 2/10 loss=0.5123 acc=74.9%
[2026-12-07 10:00:09] WARNING lr reduced to 0.001
[2026-12-07 10:00:13] epoch 3/10 loss=0.4011 acc=82.3%"""
rows = re.findall(r'epoch (\d+)/(\d+) loss=([\d.]+) acc=([\d.]+)%', log)
print(rows)
print([float(loss) for _, _, loss, _ in rows])
for line in log.splitlines():
    m = re.search(r'^\[(?P<time>[^\]]+)\] (?P<msg>.*)$', line)
    print(m['time'][-8:], '|', m.group('msg')[:20])
print(re.findall(r'WARNING (.*)', log, re.M))

names = ['features.0.weight', 'features.0.bias', 'features.3.weight', 'classifier.1.weight', 'classifier.1.bias']
print([n for n in names if re.fullmatch(r'features\.\d+\.weight', n)])
print(sorted({re.sub(r'\.\d+\.', '.*.', n) for n in names}))
print(re.sub(r'(?<!^)(?=[A-Z])', '_', 'ConvTranspose2dLayer').lower())
print(re.split(r'[;,]\s*', 'lr=0.01; momentum=0.9, wd=5e-4'))
config = dict(re.findall(r'(\w+)=([^;,\s]+)', 'lr=0.01; momentum=0.9, wd=5e-4'))
print(config)
print(re.sub(r'\s+', ' ', '  Conv2d(3,   64,\n kernel_size=3)  ').strip())
print(bool(re.match(r'^[A-Za-z_]\w*$', 'conv1')), bool(re.match(r'^[A-Za-z_]\w*$', '1conv')))
print(re.findall(r'-?\d+\.?\d*(?:e-?\d+)?', 'values: 1.5, -2, 3e-4, 10.'))
print(os.path.basename('/data/train/cat.123.jpg'), re.search(r'\.(\d+)\.', 'cat.123.jpg').group(1))
