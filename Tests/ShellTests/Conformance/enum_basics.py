from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f'{self.name} is {self.value}'
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, type(Color), Color, type(Color.RED))
print(Color.RED.describe(), Color.GREEN.name, Color.GREEN.value, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(Color.__members__)
print({Color.RED: 'r'}[Color.RED], Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(f'{Color.RED}', format(Color.RED, '>12'), str(Color.BLUE))
try: Color(7)
except ValueError as e: print('ValueError', e)
try: Color['X']
except KeyError as e: print('KeyError', e)
try: Color.X
except AttributeError as e: print('AttributeError', e)
try: Color.RED = 5
except AttributeError as e: print('AttributeError', e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num(2), sorted([Num.TWO, Num.ONE]), f'{Num.TWO}', {1: 'x'}[Num.ONE])
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)), repr(Perm(0)), repr(~Perm.R), len(rw))
class P2(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(P2.A, repr(P2.B | P2.C), P2.A | 8, repr(P2.A | 8), int(P2.C))
class A(Enum):
    X = auto()
    Y = auto()
print(list(A), A.Y.value)
class S(StrEnum):
    LOW = auto()
    HIGH = 'hi'
print(S.LOW, repr(S.HIGH), S.LOW == 'low', S.HIGH.upper())
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e: print('ValueError', e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 3), Planet.MERCURY.mass)
for c in Color: print(c.name, end=' ')
print()
print([m for m in Perm], Perm(6), Perm.R.value)
