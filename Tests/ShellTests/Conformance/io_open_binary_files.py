# open() in binary mode: BufferedReader / BufferedWriter / BufferedRandom
import os
path = '/tmp/nnsh_io_binary_%d.bin' % os.getpid()
with open(path, 'wb') as f:
    print(type(f).__name__, f.mode, f.name == path, f.closed, f.writable(), f.readable(), f.seekable())
    print(f.write(b'line1\nline2\r\nlast'), f.tell(), f.write(bytearray(b'')), f.write(bytes(range(250, 256))))
    f.writelines([b'\n', b'tail'])
    for bad in ["f.write('s')", "f.read()", "f.write(5)", "f.readline()"]:
        try:
            eval(bad)
        except Exception as e:
            print(bad, '->', type(e).__name__, e)
print(f.closed, os.path.getsize(path))
f = open(path, 'rb')
print(type(f).__name__, f.mode, f.read(3), f.tell(), f.readline(), f.readline(2), f.tell())
print(f.readlines())
print(f.read(), f.read(5), f.read(None))
print(f.seek(0), list(f))
print(f.seek(-4, 2), f.read(), f.seek(2), f.read(1), f.seek(3, 1) if False else f.tell())
f.seek(0)
for i, line in enumerate(f):
    print(i, line, len(line))
    if i == 1:
        break
print(f.read(4), f.readlines(1))
f.close()
for bad in ["f.read()", "f.tell()", "f.readline()", "f.seek(0)", "next(f)", "f.fileno()"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
with open(path, 'ab') as g:
    print(type(g).__name__, g.mode, g.write(b'++'), g.tell())
with open(path, 'r+b') as g:
    print(type(g).__name__, g.mode, g.read(2), g.write(b'XX'), g.seek(0), g.read(8), g.tell())
with open(path, 'rb') as g:
    data = g.read()
print(data, len(data), data.decode('latin-1')[:6], data[:5].decode())
with open(path, 'w', encoding='utf-8') as t:
    t.write('héllo\n')
with open(path, 'rb') as g:
    print(g.read(), g.read())
for bad in ["open(path, 'rb', encoding='utf-8')", "open(path, 'rb', errors='x')", "open(path, 'rb', newline='')", "open(path, 'rbt')",
            "open(path, 'rb').read('x')", "open(path, 'rb').seek(-1)", "open(path, 'rb').seek(0, 5)", "open(path + '.missing', 'rb')",
            "open(path, 'xb')"]:
    try:
        print(bad, eval(bad))
    except OSError as e:
        print(bad, '->', type(e).__name__, e.errno, e.strerror)
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
os.remove(path)
