from .. import util
from . import __name__ as sub_name


def where():
    return __name__ + " under " + sub_name + " using " + util.__name__
