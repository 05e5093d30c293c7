for s in ['\ufeff', '\xa0x', '\x85', 'é', '\u2028', '\U0001f600', '\U000e0001', '\x7f\x80', 'tab\t', '\u200b', '卷']:
    print(repr(s), s.isprintable())
