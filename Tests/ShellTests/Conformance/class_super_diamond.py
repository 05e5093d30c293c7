class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return "Base"

class Left(Base):
    def __init__(self):
        print("Left.__init__ start")
        super().__init__()
        self.trail.append("Left")
        print("Left.__init__ end")
    def hello(self):
        return "Left>" + super().hello()

class Right(Base):
    def __init__(self):
        print("Right.__init__ start")
        super().__init__()
        self.trail.append("Right")
        print("Right.__init__ end")
    def hello(self):
        return "Right>" + super().hello()

class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__ start")
        super(Bottom, self).__init__()
        self.trail.append("Bottom")
    def hello(self):
        return "Bottom>" + super(Bottom, self).hello()

b = Bottom()
print(b.trail)
print(b.hello())
print(super(Left, b).hello())
print(super(Right, b).hello())
print([k.__name__ for k in Bottom.__mro__])
