import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape.__members__), len(Shape))
print([s.name for s in Shape], Shape.SQUARE.value, Shape['CIRCLE'].value)
print(sorted(Shape, key=lambda s: s.value))


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return 'my custom str! {0}'.format(self.value)

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY


print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))


class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404


print(Status.OK == 200, Status(404), Status.OK < Status.NOT_FOUND, int(Status.NOT_FOUND), Status.OK + 1, isinstance(Status.OK, int))
print('%d' % Status.OK, '{}'.format(Status.OK), f'{Status.NOT_FOUND:>5}', str(Status.OK), repr(Status.OK))


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(Color.WHITE, list(Color), Color.RED | Color.BLUE, Color.WHITE & Color.GREEN, bool(Color.RED & Color.GREEN))
print(repr(Color(0)), Color.RED in Color.WHITE, Color(7), ~Color.RED, len(Color.WHITE))


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm.R + Perm.W, Perm(7), repr(Perm(8)), Perm.R & 4, 0 | Perm.X)


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.name.lower() == value.lower():
                    return member
        return None


print(Weekday('monday'), Weekday(2))
try:
    Weekday('sunday')
except ValueError as e:
    print('ValueError:', e)

Animal = Enum('Animal', ['ANT', 'BEE'])
Size = Enum('Size', [('S', 10), ('M', 20)])
Flavor = Enum('Flavor', {'VANILLA': 'v', 'CHOC': 'c'})
print(list(Animal), list(Size), Flavor.CHOC, Flavor('v'), Animal(1), Size.M.value)

try:
    class Extended(Animal):
        WASP = 3
except TypeError as e:
    print('TypeError:', e)
try:
    Shape.SQUARE.value = 5
except AttributeError as e:
    print('AttributeError:', type(e).__name__)
print(type(Shape.SQUARE).__name__, type(Shape).__name__, enum.EnumMeta is enum.EnumType, Shape.SQUARE is Shape.ALIAS_FOR_SQUARE)
print({Shape.SQUARE: 's', Shape.CIRCLE: 'c'}, Shape.SQUARE in {Shape.SQUARE}, hash(Shape.SQUARE) == hash('SQUARE'))
try:
    1 in Shape
except TypeError as e:
    print('TypeError:', e)


class Optimizer(str, Enum):
    SGD = 'sgd'
    ADAM = 'adam'


print(Optimizer('adam'), Optimizer.SGD == 'sgd', Optimizer.ADAM.value.upper(), [o.value for o in Optimizer])
