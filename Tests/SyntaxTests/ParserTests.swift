import Testing
@testable import Syntax

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
        ("-2 ** 2", "(- (** 2 2))"),
        ("2 ** -1", "(** 2 (- 1))"),
        ("-x.y ** 2", "(- (** (. x y) 2))"),
        ("~a + +b", "(+ (~ a) (+ b))"),
        ("a @ b * c // d % e / f", "(/ (% (// (* (@ a b) c) d) e) f)"),
        ("a | b ^ c & d << 1 + 2", "(| a (^ b (& c (<< d (+ 1 2)))))"),
        ("a or b and not c", "(or a (and b (not c)))"),
        ("not a == b", "(not (== a b))"),
        ("a < b <= c != d", "(cmp a < b <= c != d)"),
        ("a not in b", "(not in a b)"),
        ("a is not None", "(is not a None)"),
        ("x if c else y if d else z", "(ifexp c x (ifexp d y z))"),
        ("a or b if c else d", "(ifexp c (or a b) d)"),
        ("lambda x, y=1: x + y", "(lambda (x y=1) (+ x y))"),
        ("lambda: 0", "(lambda () 0)"),
        ("f(a, b=1, *args, **kw)", "(call f a (= b 1) (* args) (** kw))"),
        ("m.weight.data", "(. (. m weight) data)"),
        ("f(x)(y)[0].z", "(. ([] (call (call f x) y) 0) z)"),
        ("x[1:3]", "([] x (: 1 3 _))"),
        ("x[::2]", "([] x (: _ _ 2))"),
        ("x[:]", "([] x (: _ _ _))"),
        ("x[..., None, 1:]", "([] x (tuple ... None (: 1 _ _)))"),
        ("x[i, j]", "([] x (tuple i j))"),
        ("x[i,]", "([] x (tuple i))"),
        ("x[a:b, ::-1]", "([] x (tuple (: a b _) (: _ _ (- 1))))"),
        ("()", "(tuple)"),
        ("(a,)", "(tuple a)"),
        ("(a)", "a"),
        ("a, b", "(tuple a b)"),
        ("[1, [2, 3], []]", "(list 1 (list 2 3) (list))"),
        ("{'k': v, 1: 2}", "(dict (: 'k' v) (: 1 2))"),
        ("{}", "(dict)"),
        ("[f(x) for x in xs if c]", "(listcomp (call f x) (for x xs (if c)))"),
        ("[(i, j) for i, j in zip(a, b) for k in c]", "(listcomp (tuple i j) (for (tuple i j) (call zip a b)) (for k c))"),
        ("sum(x * x for x in xs)", "(call sum (genexp (* x x) (for x xs)))"),
        ("True, False, None, ...", "(tuple True False None ...)"),
        ("'a' 'b' \"c\"", "'abc'"),
        ("1.5e3", "1500.0"),
        ("99999999999999999999", "99999999999999999999"),
    ])
    func expressions(source: String, expected: String) throws {
        #expect(try sexpr(source) == expected)
    }

    @Test(arguments: [
        ("a = b = 1", "(= a b 1)"),
        ("m.weight.data = t", "(= (. (. m weight) data) t)"),
        ("x[0, 1] = 5", "(= ([] x (tuple 0 1)) 5)"),
        ("a, b = f(x)", "(= (tuple a b) (call f x))"),
        ("(a, b) = [c, d] = 1, 2", "(= (tuple a b) (list c d) (tuple 1 2))"),
        ("x += 1", "(+= x 1)"),
        ("x **= 2; y //= 3; z @= w", "(**= x 2)\n(//= y 3)\n(@= z w)"),
        ("import torch", "(import torch)"),
        ("import torch.nn as nn", "(import torch.nn as nn)"),
        ("import torch.nn.functional as F, a.b.c", "(import torch.nn.functional as F, a.b.c)"),
        ("from torch import nn", "(from torch import nn)"),
        ("from torch.nn import Conv2d, ReLU as R", "(from torch.nn import Conv2d, ReLU as R)"),
        ("from PIL import (Image,\n  ImageOps,)", "(from PIL import Image, ImageOps)"),
        ("from .. import x", "(from .. import x)"),
        ("for i in range(3): print(i)", "(for i (call range 3) (body (call print i)))"),
        ("for i, x in enumerate(xs):\n    pass\n", "(for (tuple i x) (call enumerate xs) (body (pass)))"),
        ("while x > 0:\n    x -= 1\n    if x: break\n    continue",
         "(while (> x 0) (body (-= x 1) (if x (body (break))) (continue)))"),
        ("if a:\n  1\nelif b:\n  2\nelse:\n  3", "(if a (body 1) (else (if b (body 2) (else 3))))"),
        ("del a, b[0]", "(del a ([] b 0))"),
        ("with torch.no_grad(): y = x", "(with (call (. torch no_grad)) (body (= y x)))"),
        ("with a as b, c:\n    pass", "(with a b (body (with c (body (pass)))))"),
        ("def f(a, b=1, *args, c, **kw):\n    return a, b\n",
         "(def f (a b=1 *args kw:c **kw) (body (return (tuple a b))))"),
        ("def g(x: int = 0) -> int: return", "(def g (x=0) (body (return)))"),
        ("assert x > 0, 'positive'", "(assert (> x 0) 'positive')"),
        ("assert ok", "(assert ok)"),
        ("m = nn.Conv2d(16, 33, (3, 5), stride=(2, 1))",
         "(= m (call (. nn Conv2d) 16 33 (tuple 3 5) (= stride (tuple 2 1))))"),
        ("x = 1;", "(= x 1)"),
        ("def g():\n    yield\n    x = yield a, b\n    y += yield\n    z = yield from h()\n    print((yield))",
         "(def-generator g () (body (yield) (= x (yield (tuple a b))) (+= y (yield)) (= z (yield-from (call h))) (call print (yield))))"),
        ("def f():\n    def g(): yield 1\n    return lambda: 2", "(def f () (body (def-generator g () (body (yield 1))) (return (lambda () 2))))"),
    ])
    func statements(source: String, expected: String) throws {
        #expect(try sexpr(source) == expected)
    }

    @Test(arguments: [
        ("f'{x}'", "(f (fmt x))"),
        ("f'v={x:.4f}!'", "(f 'v=' (fmt x (spec '.4f')) '!')"),
        ("f'{x!r}'", "(f (fmt x !r))"),
        ("f'{x=}'", "(f 'x=' (fmt x !r))"),
        ("f'{x = :>4}'", "(f 'x = ' (fmt x (spec '>4')))"),
        ("f'{{literal}} {a + b}'", "(f '{literal} ' (fmt (+ a b)))"),
        ("f'{x:{w}.{p}f}'", "(f (fmt x (spec (fmt w) '.' (fmt p) 'f')))"),
        ("f'{d[\"k\"]} {a != b}'", "(f (fmt ([] d 'k')) ' ' (fmt (!= a b)))"),
        ("'a' f'{b}' 'c'", "(f 'a' (fmt b) 'c')"),
        ("f'tab\\t{x}'", "(f 'tab\\t' (fmt x))"),
        ("rf'\\n{x}'", "(f '\\\\n' (fmt x))"),
        ("f'{ {1: 2}[1] }'", "(f (fmt ([] (dict (: 1 2)) 1)))"),
        ("f'{a, b}'", "(f (fmt (tuple a b)))"),
        ("f''", "(f)"),
    ])
    func fstrings(source: String, expected: String) throws {
        #expect(try sexpr(source) == expected)
    }

    @Test func literalValues() throws {
        let statements = try parse("x = 0x10\ny = 2.5\nz = 'hi'")
        guard statements.count == 3,
              case .assign(_, let a, _) = statements[0],
              case .assign(_, let b, _) = statements[1],
              case .assign(_, let c, _) = statements[2] else {
            Issue.record("unexpected shape: \(statements)")
            return
        }
        #expect(a == .int(16, SourceLocation(line: 1, column: 5)))
        #expect(b == .float(2.5, SourceLocation(line: 2, column: 5)))
        #expect(c == .string("hi", SourceLocation(line: 3, column: 5)))
    }

    @Test func nodeLocations() throws {
        let statements = try parse("a = 1\nif a:\n    print(m.weight,  f'{zz}')\n")
        #expect(statements.map { $0.location } == [SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1)])
        guard case .if(_, let body, _, _)? = statements.last,
              case .expression(.call(let callee, let args, let callLoc), _)? = body.first,
              args.count == 2, case .positional(let attr) = args[0], case .positional(let fs) = args[1],
              case .fstring(let parts, _) = fs, case .field(let field)? = parts.first else {
            Issue.record("unexpected shape")
            return
        }
        #expect(callLoc == SourceLocation(line: 3, column: 5))
        #expect(callee.location == SourceLocation(line: 3, column: 5))
        #expect(attr.location == SourceLocation(line: 3, column: 11))
        #expect(fs.location == SourceLocation(line: 3, column: 22))
        #expect(field.expression.location == SourceLocation(line: 3, column: 25))
    }

    @Test func parseExpressionEntryPoint() throws {
        #expect(try parseExpression("1 +\n 2").description == "(+ 1 2)")
        #expect(throws: SyntaxError.self) { try parseExpression("x = 1") }
    }

    @Test func deepButLegalNesting() throws {
        let source = String(repeating: "(", count: 199) + "[1]" + String(repeating: ")", count: 199)
        #expect(try sexpr(source) == "(list 1)")
        let chain = (0..<500).map { "a\($0)" }.joined(separator: " + ")
        #expect(try parse(chain).count == 1)
    }
}
