def me():
    yield next(g)
g = me()
print(type(g).__name__)
next(g)
