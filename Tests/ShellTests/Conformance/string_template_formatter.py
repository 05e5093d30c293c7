from string import Template, Formatter
t = Template('$who likes ${what}; cost $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
print(Template('$x $y').substitute({'x': 1}, y=2))
try: Template('$who $').substitute(who=1)
except ValueError as e: print(e)
try: Template('$missing').substitute({})
except KeyError as e: print('KeyError', e)
class Pct(Template):
    delimiter = '%'
print(Pct('%a and %{b}').substitute(a=1, b=2))
f = Formatter()
print(f.format('{0} {name!r:>8} {1[k]} {{x}}', 'a', {'k': 'v'}, name='n'), list(f.parse('a{b!r:^3}c{}')))
