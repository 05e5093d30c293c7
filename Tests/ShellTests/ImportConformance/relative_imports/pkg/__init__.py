name = "pkg"
from .util import helper
from . import sub
from .sub.deep import where
