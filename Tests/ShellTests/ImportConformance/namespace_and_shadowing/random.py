def random():
    return "local random.py shadows the standard library"
