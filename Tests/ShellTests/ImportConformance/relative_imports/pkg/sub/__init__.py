from ..util import helper as h
from .. import name as parent_name
__all__ = ["h", "parent_name", "exported"]
exported = 1
hidden = 2
