# str.encode / bytes.decode with the utf-8, ascii and latin-1 codecs and the error handlers
s = 'naïve café €5 😀'
print(s.encode(), s.encode('utf-8'), s.encode('UTF8'), s.encode('utf_8'), len(s.encode()))
print(s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'), s.encode('ascii', 'backslashreplace'), s.encode('ascii', 'xmlcharrefreplace'))
print(s.encode('latin-1', 'replace'), s.encode('iso-8859-1', errors='backslashreplace'), 'abc'.encode('ascii'), 'é'.encode('latin1'))
print(s.encode().decode(), s.encode().decode('utf-8') == s, 'é'.encode('latin-1').decode('latin-1'), 'ab'.encode('utf-8', 'bad'))
bad = b'ok\xff\xfeok\xe2\x82ok\xc3'
print(bad.decode('utf-8', 'replace'), bad.decode('utf-8', 'ignore'), bad.decode('utf-8', 'backslashreplace'), bad.decode('latin-1'))
print(b'\xed\xa0\x80x'.decode('utf-8', 'replace'), b'\xf4\x90\x80\x80'.decode('utf-8', 'replace'), b'\xe0\x80\xaf'.decode('utf-8', 'replace'))
print(b'\xc0\xaf'.decode('utf-8', 'replace'), b'\xf0\x9f\x98'.decode('utf-8', 'replace'), b'a\x80b'.decode('ascii', 'replace'))
for t in ['b"\\xff".decode()', 'b"ab\\xe2\\x82".decode()', 'b"\\xe2\\x28\\xa1".decode()', 'b"\\xff".decode("ascii")', 'b"a\\xc3".decode("utf-8")',
          '"é".encode("ascii")', '"a€€b".encode("latin-1")', '"x".encode("nope")', '"x".encode("utf-8", 5)', 'b"\\xff".decode("utf-8", "nope")',
          '"é".encode("ascii", "nope")', 'b"x".decode("ascii", "xmlcharrefreplace")', '"x".encode(1)', 'b"\\xed\\xa0\\x80".decode()']:
    try:
        print(t, '->', eval(t))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
