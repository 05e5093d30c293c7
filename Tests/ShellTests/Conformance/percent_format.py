# printf-style formatting of str and bytes
print('%(a)s-%(b)05.1f' % {'a': 1, 'b': 2.25}, '%*d|' % (5, 3), '%-*.*f|' % (8, 2, 3.14159), '%ld %hd %Li' % (5, 6, 7))
print('%c%c' % (72, 'i'), '%5s|%-5s|' % ('a', 'b'), '%.2s' % 'abc', '%r %a' % ('é', 'é'), '%i' % 3.7, '%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print('%e %E %g %G %f %F' % (1e10, 1e-10, 1e20, 1e-20, 1.5, 2.5), '%+d % d %05d %-5d|' % (3, 3, -3, 3), '%%' % ())
print('%s' % [1, 2], '%s' % (1,), '%s %s' % ('a', 'b'), 'no args' % (), 'list ok' % [], 'dict ok' % {}, '%s' % b'x')
print(b'%c' % 65, b'%c' % b'a', b'%s|%5b|%-4s|' % (b'x', b'yz', bytearray(b'q')), b'%r %a' % ('\u00e9', b'x'))
print(b'%d %x %05.2f %e' % (3, 255, 2.5, 1e10), b'%(k)s' % {b'k': b'v'}, b'%%', bytearray(b'%d') % 5, b'%s' % (b'',))
for t in ['"%y" % 1', '"%(a)s" % 1', '"%s %s" % (1,)', '"%c" % "ab"', '"%" % ()', '"%(a" % {}', 'b"%y" % 1', '"%d" % "x"', 'b"%c" % 256',
          '"%c" % 1114112', 'b"%s" % 3', 'b"%s" % "a"', '"%s" % (1, 2)', 'b"%s" % (b"a", b"b")', '"abc" % 5', '"%*d" % ("a", 1)',
          '"%(x)s" % [1]', '"%5%|" % (1,)', '"%5%|" % ()', 'b"%c" % b"ab"', '"%s %(a)s" % {"a": 1}']:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
