print(type(OSError(2,'x')).__name__, OSError(2,'x','f').args, OSError(2,'x','f').filename, OSError(13,'d').errno, OSError('plain').errno, str(OSError(2,'x','f','w','g')), type(OSError(999,'x')).__name__, type(FileNotFoundError(13,'x')).__name__, OSError(1,2,3,4,5,6).args, OSError(1,2,3,4,5,6).errno)
e = OSError(17, 'File exists', 'a.txt')
print(repr(e), str(e), isinstance(e, FileExistsError), e.strerror, e.filename2)
try:
    raise OSError(2, 'No such file or directory', 'cfg.yaml')
except FileNotFoundError as err:
    print('caught', err, err.errno, err.args)
class MyErr(OSError):
    pass
m = MyErr(2, 'x', 'y')
print(type(m).__name__, m.errno, m.args, str(m))
print(str(OSError()), str(OSError(5)), repr(OSError(5, 'io')), OSError(5, 'io').args)
