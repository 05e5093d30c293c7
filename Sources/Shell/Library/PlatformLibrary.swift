/// CPython 3.11's `platform` (the Linux answers), written for nnsh in Python over `_platform`'s
/// `uname` and C library version (Imports/TimeModule.swift).
enum PlatformLibrary {
    static let source = #"""
"""This module tries to retrieve as much platform-identifying data as possible."""

import _platform
import sys
from collections import namedtuple

uname_result = namedtuple("uname_result", "system node release version machine", module="platform")
uname_result.__module__ = "platform"

_uname = uname_result(*_platform.uname)


def uname():
    return _uname


def system():
    return _uname.system


def node():
    return _uname.node


def release():
    return _uname.release


def version():
    return _uname.version


def machine():
    return _uname.machine


def processor():
    return ''


def architecture(executable=None, bits='', linkage=''):
    return ('64bit', 'ELF')


def python_version():
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_implementation():
    return 'CPython'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    name, _, number = _platform.libc.partition(' ')
    return (name, number) if name else (lib, version)


def platform(aliased=False, terse=False):
    libc_name, libc_version = libc_ver()
    if terse:
        return f'{system()}-{release()}'
    return f'{system()}-{release()}-{machine()}-with-{libc_name}{libc_version}'
"""#
}
