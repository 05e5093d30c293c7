# str is a sequence of code points: combining marks, emoji with variation selectors, CJK, decomposed
# and precomposed forms are distinct, as CPython treats them.
pre, dec = "\u00e9", "e\u0301"
heart = "\u2764\ufe0f"
s = "caf" + dec + " " + heart + " 卷积层"
print(len(s), len(heart), len(dec))
print(pre == dec, pre != dec, pre < dec, dec < pre, sorted([dec, pre, "e", "f"]))
print(len({pre: 1, dec: 2}), len({pre, dec}), dec in [pre], pre in (dec,))
print([hex(ord(c)) for c in dec], list(heart) == ["\u2764", "\ufe0f"])
print(s[3] == "e", s[4] == "\u0301", s[::-1][:3], s[-1], s[2:5] == "fe\u0301")
print(list(reversed(dec)) == ["\u0301", "e"], max(dec) == "\u0301", min(dec))
print("e" in dec, "\u0301" in s, dec in pre, "" in s)
print(s.find("\u0301"), s.index(heart), s.count("e"), s.rfind("层"))
print(s.startswith("cafe"), s.endswith("层"), dec.startswith("e"), pre.startswith("e"))
print(s.replace("e", "E"), dec.replace("\u0301", "") == "e", "ab".replace("", "-"), "ab".replace("", "-", 2))
print(dec.split("e"), s.split(" "), s.rsplit(" ", 1), "aaa".rsplit("aa", 1), "aaa".split("aa", 1))
print(s.partition(" "), s.rpartition(" "), "x".partition("y"), "x".rpartition("y"))
print(dec.removeprefix("e") == "\u0301", dec.removesuffix("\u0301"), s.removeprefix("caf").removesuffix("层"))
print(repr(s.center(12, "*")), repr("ab".center(5, "*")), repr("abc".center(6, "*")), repr(dec.ljust(4, ".")), repr(dec.rjust(4)))
print(repr(f"{dec:>4}|"), repr(f"{dec:^5}|"), repr("{:.1}".format(dec)), repr("%5s" % dec), dec.zfill(4))
print("they're bill's friends".title(), "ǆemal".title(), "HELLO world".capitalize(), "ǆ".capitalize())
print("Straße".upper(), "ΣΑΣ".lower(), "Hello Wörld".swapcase())
print("ǅ".istitle(), "ǅemal".istitle(), "Hello World".istitle(), "Hello world".istitle(), "ǅ".islower(), "ǅ".isupper())
print("abc".islower(), "aBc".islower(), "ABC1".isupper(), "123".isupper(), "ß".islower())
print("٣٤".isdigit(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "½".isdigit(), "五".isnumeric(), "五".isdigit())
print("é".isalpha(), dec.isalpha(), "卷积".isalpha(), "a1".isalnum(), "½a".isalnum(), "\u0301".isalnum())
print(" \t\n\x1c\x1f\x85\u2028\u3000".isspace(), "\u200b".isspace(), "a b\u3000c\x1fd".split())
print("a\r\nb\rc\nd\x0be\x0cf\x1cg\x85h\u2028i\u2029j".splitlines())
print("a\r\nb\n\nc\r".splitlines(True), "".splitlines(), "x\n".splitlines(), "\n".splitlines(True))
print("  \u3000 x \u2028".strip() == "x", "xxa\u0301xx".strip("x"), "e\u0301e".lstrip("e"))
d = {pre: "precomposed"}
d[dec] = "decomposed"
print(d[pre], d[dec], sorted(d))
print([ord(c) for c in "👍🏽"], len("🇫🇷"), "🇫🇷"[0] == "🇫")
