#!/usr/bin/env python
"""Golden transcripts for the interpreter and tensor core, made by real PyTorch.

    /work/main/.venv-torch/bin/python scripts/golden/make_shell_golden.py           # regenerate all
    /work/main/.venv-torch/bin/python scripts/golden/make_shell_golden.py --check   # verify, write nothing

Runs every Tests/ShellTests/Golden/NAME.py under this Python (cwd = that folder, stdin closed,
OMP_NUM_THREADS=1) and stores its stdout as NAME.out. A script that exits non-zero is an
expected failure: NAME.err holds the last line of its traceback (`TypeError: ...`), or the
whole message when it spans lines (PyTorch's overload lists).
Each script runs twice and must print the same bytes both times. Never hand-edit the outputs."""
import argparse, glob, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.normpath(os.path.join(HERE, '..', '..', 'Tests', 'ShellTests', 'Golden'))


def run(script):
    env = dict(os.environ, OMP_NUM_THREADS='1', PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    p = subprocess.run([sys.executable, os.path.basename(script)], cwd=GOLDEN, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=120)
    err = None
    if p.returncode != 0:
        lines = [l for l in p.stderr.decode('utf-8').splitlines() if l.strip()]
        # A multi-line message (PyTorch's overload lists) starts at the last `SomeError: ` line.
        starts = [i for i, l in enumerate(lines) if re.match(r'[A-Za-z_][\w.]*(Error|Exception|Interrupt): ', l)]
        if starts and all(l[:1] == ' ' for l in lines[starts[-1] + 1:]):
            err = '\n'.join(lines[starts[-1]:]) + '\n'
        elif not lines or not lines[-1][:1].isalpha() or ':' not in lines[-1] and 'Error' not in lines[-1]:
            raise SystemExit('%s: exited %d without a traceback:\n%s' % (script, p.returncode, p.stderr.decode()))
        else:
            err = lines[-1] + '\n'
    return p.stdout, err


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, 'rb') as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--check', action='store_true', help='verify the stored outputs, write nothing')
    ap.add_argument('--filter', default='', help='only scripts whose name contains this')
    ap.add_argument('--runs', type=int, default=2, help='runs per script (outputs must agree)')
    args = ap.parse_args()
    scripts = sorted(s for s in glob.glob(os.path.join(GOLDEN, '*.py')) if args.filter in os.path.basename(s))
    if not scripts:
        raise SystemExit('no scripts in %s' % GOLDEN)
    bad = 0
    failing = 0
    for s in scripts:
        base = s[:-3]
        out, err = run(s)
        for _ in range(args.runs - 1):
            if run(s) != (out, err):
                raise SystemExit('%s: output differs between runs' % s)
        if err is None and not out:
            raise SystemExit('%s: printed nothing' % s)
        failing += err is not None
        want_err = err.encode('utf-8') if err is not None else None
        if args.check:
            if read(base + '.out') != out or read(base + '.err') != want_err:
                print('MISMATCH', os.path.basename(s))
                bad += 1
            continue
        with open(base + '.out', 'wb') as f:
            f.write(out)
        if want_err is not None:
            with open(base + '.err', 'wb') as f:
                f.write(want_err)
        elif os.path.exists(base + '.err'):
            os.remove(base + '.err')
    if args.check:
        print('%d scripts, %d mismatched' % (len(scripts), bad))
        sys.exit(1 if bad else 0)
    print('%d scripts (%d expected failures) written to %s' % (len(scripts), failing, GOLDEN))


if __name__ == '__main__':
    main()
