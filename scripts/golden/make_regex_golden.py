#!/usr/bin/env python3
"""Goldens for Tests/RegexTests from real CPython 3.11's `re`.

Each case is a pattern (str or bytes), flags, and subjects. For every case CPython either
compiles the pattern — then the golden holds `groups`, `groupindex`, the final `flags`, and for
each subject the `regs` of every `finditer` match plus the `match`/`fullmatch` regs — or it
raises, and the golden holds the exception type, `msg` and `pos` (re.error) or the message.
Templates for `sub` are checked the same way (the expansion of the first match, or the error).

Run: python3 scripts/golden/make_regex_golden.py   (writes Tests/RegexTests/Golden/regex_cases.json)
The golden is produced only by this script; never edit it by hand.
"""
import json
import os
import re
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("make_regex_golden.py needs CPython 3.11, this is %d.%d" % sys.version_info[:2])

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "RegexTests", "Golden", "regex_cases.json")

TEXTS = ["", "a", "abc", "aaa", "abcabc", "hello world", "Hello World 42", "a\nb\nc\n", "foo123bar45",
         "x-y_z", "  spaced  out  ", "AbC aBc", "ünïcödé Straße", "日本語 text 123", "tab\there",
         "a.b*c", "2026-12-07", "key=value; k2=v2", "\u00e9t\u00e9", "\u0130stanbul \u212a", "s\u017f", "ab\n",
         "one two  three", "(nested (parens))", "aaaaab", "abababab", "\x1c\x1f\u2028 \u00a0x"]

# (pattern, flags, subjects or None for TEXTS)
CASES = [
    ("a", 0, None), ("abc", 0, None), ("a|b", 0, None), ("a*", 0, None), ("a+", 0, None), ("a?", 0, None),
    ("a*?", 0, None), ("a+?", 0, None), ("a??", 0, None), ("a{2}", 0, None), ("a{1,2}", 0, None), ("a{,2}", 0, None),
    ("a{2,}", 0, None), ("a{1,2}?", 0, None), ("a*+", 0, None), ("a++", 0, None), ("(?>a+)b", 0, None),
    ("x{", 0, ["x{", "x{1"]), ("x{1", 0, ["x{1", "x{1,"]), ("x{}", 0, ["x{}"]), ("x{a}", 0, ["x{a}"]), ("{1}", 0, ["{1}"]),
    (".", 0, None), (".", re.S, None), ("^", 0, None), ("$", 0, None), ("^", re.M, None), ("$", re.M, None),
    ("^a", re.M, None), ("c$", 0, None), ("c$", re.M, None), (r"\Aa", 0, None), (r"c\Z", 0, None),
    (r"\b", 0, None), (r"\B", 0, None), (r"\b\w+\b", 0, None), (r"\b\w+\b", re.A, None),
    (r"\d+", 0, None), (r"\D+", 0, None), (r"\s+", 0, None), (r"\S+", 0, None), (r"\w+", 0, None), (r"\W+", 0, None),
    (r"\d+", re.A, None), (r"\w+", re.A, None), (r"\s+", re.A, None), (r"[\s]+", 0, None), (r"[\S]+", 0, None),
    (r"[\w-]+", 0, None), (r"[^\w\s]+", 0, None), (r"[\d.]+", 0, None), (r"[a-z]+", 0, None), (r"[a-z]+", re.I, None),
    (r"[^a-z]+", 0, None), (r"[]a]+", 0, ["]a]b"]), (r"[^]a]+", 0, ["]a]b"]), (r"[a-]+", 0, ["a-b-"]), (r"[-a]+", 0, ["a-b-"]),
    (r"[\]]", 0, ["]"]), (r"[\b]", 0, ["\b"]), (r"[\n\t]", 0, None), (r"[\x41-\x43]+", 0, ["ABCD"]),
    (r"[\u00e9]", 0, None), (r"\u00e9", 0, None), (r"\U0001F600", 0, ["\U0001F600"]), (r"\N{EM DASH}", 0, ["a\u2014b"]),
    (r"\N{latin small letter a}", 0, ["a"]), (r"\x41", 0, ["A"]), (r"\101", 0, ["A"]), (r"\0", 0, ["\0"]), (r"\07", 0, ["\x07"]),
    (r"(a)\1", 0, ["aa", "ab"]), (r"(a)(b)\2\1", 0, ["abba"]), (r"(?P<x>a)(?P=x)", 0, ["aa"]), (r"(a)\10", 0, ["a\x08"]),
    (r"(a)|b", 0, None), (r"(a)|(b)", 0, None), (r"(a)?b", 0, None), (r"(a*)*", 0, ["aaa"]), (r"(a|b)*", 0, None),
    (r"((a)b)", 0, None), (r"(?:a|b)+", 0, None), (r"(?:)", 0, None), (r"()", 0, None), (r"(a)(?(1)b|c)", 0, ["ab", "ac"]),
    (r"(a)?(?(1)b|c)", 0, ["ab", "c"]), (r"(?P<n>a)?(?(n)b|c)", 0, ["ab", "c"]),
    (r"(?=a)\w", 0, None), (r"(?!a)\w", 0, None), (r"(?<=a)b", 0, None), (r"(?<!a)b", 0, None), (r"(?<=ab|cd)x", 0, ["abx", "cdx"]),
    (r"(?i)abc", 0, None), (r"(?i:a)b", 0, None), (r"a(?i:b)c", 0, ["aBc", "ABc"]), (r"(?i)a(?-i:b)", 0, ["Ab", "AB"]),
    (r"(?s).", 0, None), (r"(?m)^\w", 0, None), (r"(?x) a b # comment", 0, None), (r"(?x)a\ b", 0, ["a b"]),
    (r"(?x)[ ]", 0, [" "]), (r"(?a)\w+", 0, None), (r"(?u)\w+", 0, None), (r"(?#comment)a", 0, None),
    ("a b", re.X, None), ("a#x\nb", re.X, ["ab"]), (r"k", re.I, None), (r"s", re.I, None), (r"\u0130", re.I, None),
    (r"stra\u00dfe", re.I, None), (r"[k]", re.I, None), (r"i", re.I, None), (r"K", re.I | re.A, None),
    (r"(\w+)=(\w+)", 0, None), (r"(?P<key>\w+)=(?P<value>\w+)", 0, None), (r"(\d{4})-(\d{2})-(\d{2})", 0, None),
    (r"\((.*?)\)", 0, None), (r"\(([^()]*)\)", 0, None), (r"a.c", 0, None), (r"a\.b\*c", 0, None),
    (r"(ab)+", 0, None), (r"(ab)+?", 0, None), (r"(?:ab){2}", 0, None), (r"a|", 0, None), (r"|a", 0, None),
    (r"\bt\w*", 0, None), (r"\w+$", 0, None), (r"^$", re.M, None), (r"\n", 0, None), (r"$\n", 0, None),
    (r"x*", 0, ["axbxx"]), (r"\b|a", 0, ["ab a"]), (r"(?<=\b)a", 0, None), (r"\s*", 0, ["a b"]),
    # errors
    ("(", 0, None), (")", 0, None), ("a)", 0, None), ("(a", 0, None), ("[a", 0, None), ("[", 0, None), ("[]", 0, None),
    ("*", 0, None), ("+a", 0, None), ("a**", 0, None), ("a{2}{3}", 0, None), ("a*?*", 0, None), ("^*", 0, None),
    ("a|*", 0, None), ("(*)", 0, None), ("a{3,2}", 0, None), ("a{99999999999}", 0, None), ("[z-a]", 0, None),
    (r"[\w-z]", 0, None), (r"[a-\w]", 0, None), ("\\", 0, None), ("a\\", 0, None), (r"\q", 0, None), (r"[\q]", 0, None),
    (r"\x4", 0, None), (r"\x", 0, None), (r"\u12", 0, None), (r"\U1234", 0, None), (r"\U00110000", 0, None),
    (r"\N", 0, None), (r"\N{", 0, None), (r"\N{}", 0, None), (r"\N{NOT A NAME}", 0, None), (r"\400", 0, None),
    (r"[\400]", 0, None), (r"\1", 0, None), (r"(a)\2", 0, None), (r"(a\1)", 0, None), (r"[\8]", 0, None),
    ("(?", 0, None), ("(?P", 0, None), ("(?Px)", 0, None), ("(?P<", 0, None), ("(?P<>a)", 0, None), ("(?P<a", 0, None),
    ("(?P<1a>x)", 0, None), ("(?P<a-b>x)", 0, None), ("(?P<a>x)(?P<a>y)", 0, None), ("(?P=a)", 0, None),
    ("(?P<a>x(?P=a))", 0, None), ("(?P=)", 0, None), ("(?<x)", 0, None), ("(?<", 0, None), ("(?z)", 0, None),
    ("(?#abc", 0, None), ("a(?i)b", 0, None), ("(?i", 0, None), ("(?i-", 0, None), ("(?i-:a)", 0, None),
    ("(?-i)", 0, None), ("(?i-i:a)", 0, None), ("(?L)a", 0, None), ("(?au)a", 0, None), ("(?-a:a)", 0, None),
    ("(?t:a)", 0, None), ("(?iz)", 0, None), ("(?i1)", 0, None), ("(?(1)a)", 0, None), ("(?(2)a)(b)", 0, None),
    ("(?(0)a)", 0, None), ("(?(x)a)", 0, None), ("(?(a-b)a)", 0, None), ("(a)(?(1)a|b|c)", 0, None),
    ("(?<=a+)b", 0, None), ("(?<=a|bc)d", 0, None), ("(?<=(a))b", 0, None), ("(a)(?<=\\1)", 0, None),
    ("(?<=(a)\\1)b", 0, None), ("(?(1", 0, None), ("x\n(", 0, None), ("a\nb\n[c", 0, None),
    ("a", re.L, None), ("a", re.A | re.U, None),
    # nesting: CPython's recursive parser gives up near 495 levels
    ("(" * 200 + "a" + ")" * 200, 0, ["a", "b"]), ("(?:" * 450 + "a" + ")" * 450, 0, ["a"]),
    ("(" * 600 + ")" * 600, 0, [""]), ("(?:" * 1000 + ")" * 1000, 0, [""]), ("(?=" * 600 + ")" * 600, 0, [""]),
]

BYTES_CASES = [
    (rb"a+", 0, [b"caaab"]), (rb"\w+", 0, [b"ab\xe9cd"]), (rb"\d+", 0, [b"12\xb2"]), (rb"\s+", 0, [b"a \x1c\x85b"]),
    (rb"(?i)\xe9", 0, [b"\xc9\xe9"]), (rb"[\x80-\xff]+", 0, [b"ab\x80\xffcd"]), (rb".", 0, [b"\n\xff"]),
    (rb"\u1234", 0, None), (rb"(?u)a", 0, None), (rb"a", re.U, None), (rb"(?L)a", 0, [b"a"]), (rb"a", re.L | re.A, None),
    (rb"\xff\x00", 0, [b"\xff\x00"]), (rb"(?P<\xe9>a)", 0, [b"a"]), (rb"[\xe9-\xe0]", 0, None),
]

TEMPLATES = [
    (r"(\w+)=(\w+)", "key=value", [r"\2=\1", r"\g<2>-\g<1>", r"<\g<0>>", r"\n\t\\", r"\&", r"\q", r"\3", r"\g<3>",
                                  r"\g<x>", r"\g<", r"\g<>", r"\g<1", r"\g<-1>", r"\g<a-b>", r"\0", r"\01x", r"\141",
                                  r"\777", r"\12", "x\\", r"\g<01>", r"\1\\"]),
    (r"(?P<k>\w+)=(?P<v>\w+)?", "key=", [r"\g<v>|\g<k>", r"\g<k>\g<1>", r"\g<zz>"]),
]


def regs(m):
    return [list(r) for r in m.regs] if m else None


def error_of(e):
    if isinstance(e, re.error):
        return {"type": "error", "msg": e.msg, "pos": e.pos, "str": str(e)}
    if isinstance(e, RecursionError):
        # CPython adds " while calling a Python object" when the limit is hit inside a C call,
        # which depends on where this script stands; a pattern compiled at top level has none.
        return {"type": "RecursionError", "str": str(e).replace(" while calling a Python object", "")}
    return {"type": type(e).__name__, "str": str(e)}


def run_case(pattern, flags, subjects):
    is_bytes = isinstance(pattern, bytes)
    case = {"pattern": list(pattern) if is_bytes else [ord(c) for c in pattern], "bytes": is_bytes, "flags": int(flags)}
    try:
        p = re.compile(pattern, flags)
    except Exception as e:  # noqa: BLE001 — the golden records every failure kind
        case["error"] = error_of(e)
        return case
    case["groups"] = p.groups
    case["groupindex"] = sorted(p.groupindex.items(), key=lambda kv: kv[1])
    case["final_flags"] = p.flags
    results = []
    for s in (subjects if subjects is not None else ([t.encode("latin-1", "ignore") for t in TEXTS] if is_bytes else TEXTS)):
        results.append({
            "subject": list(s) if is_bytes else [ord(c) for c in s],
            "finditer": [regs(m) for m in p.finditer(s)],
            "match": regs(p.match(s)),
            "fullmatch": regs(p.fullmatch(s)),
            "search_from_1": regs(p.search(s, 1)),
            "endpos_2": regs(p.search(s, 0, 2)),
        })
    case["subjects"] = results
    return case


def run_templates():
    out = []
    for pattern, subject, templates in TEMPLATES:
        p = re.compile(pattern)
        m = p.search(subject)
        for t in templates:
            entry = {"pattern": [ord(c) for c in pattern], "subject": [ord(c) for c in subject],
                     "template": [ord(c) for c in t]}
            try:
                entry["expanded"] = [ord(c) for c in m.expand(t)]
            except Exception as e:  # noqa: BLE001
                entry["error"] = error_of(e)
            out.append(entry)
    return out


def main():
    cases = [run_case(p, f, s) for p, f, s in CASES + BYTES_CASES]
    golden = {"cases": cases, "templates": run_templates()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    errors = sum(1 for c in cases if "error" in c)
    print("%d cases (%d errors), %d templates -> %s" % (len(cases), errors, len(golden["templates"]), OUT))


if __name__ == "__main__":
    main()
