/// CPython 3.11's `warnings`: the filter list with its default entries, `warn` (reported once per
/// location by default, as `file:line: Category: message` and the source line on stderr),
/// `filterwarnings`/`simplefilter`/`resetwarnings`, `catch_warnings(record=True)`, `showwarning`,
/// `formatwarning`. Where the warning points comes from `_warnings.warn`, the line of the
/// `warnings.warn(...)` call itself, or for `stacklevel` n the frame n - 1 calls out (each frame records
/// its call site). `message=`/`module=` patterns take literal text with `.` and `*`
/// (what filters usually hold) until nnsh has `re`.
/// Written for nnsh in Python; run as the module on first import.
enum WarningsLibrary {
    static let source = #"""
"""Python part of the warnings subsystem."""

import sys
import _warnings

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

filters = []
defaultaction = "default"
onceregistry = {}
_registry = {}
_filters_version = 1

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


class _Pattern:
    """A compiled filter pattern: literal text with `.` (any character) and `.*`, matched from the start."""

    def __init__(self, pattern, ignorecase):
        self.pattern = pattern
        self.ignorecase = ignorecase
        items = []
        i = 0
        while i < len(pattern):
            c = pattern[i]
            if c == '\\' and i + 1 < len(pattern):
                items.append(('lit', pattern[i + 1]))
                i += 2
                continue
            if c in '[](){}+?|^':
                raise NotImplementedError(
                    "warnings filter pattern %r needs the re module, which nnsh does not have yet "
                    "(literal text, '.' and '.*' are supported)" % pattern)
            if c == '$' and i == len(pattern) - 1:
                items.append(('end', None))
                i += 1
                continue
            if i + 1 < len(pattern) and pattern[i + 1] == '*':
                items.append(('star', c))
                i += 2
                continue
            items.append(('any', None) if c == '.' else ('lit', c))
            i += 1
        self.items = items

    def match(self, text):
        if self.ignorecase:
            text = text.lower()
        return self._match(0, text, 0)

    def _match(self, k, text, i):
        while k < len(self.items):
            kind, c = self.items[k]
            if self.ignorecase and c is not None:
                c = c.lower()
            if kind == 'star':
                j = i
                while True:
                    if self._match(k + 1, text, j):
                        return True
                    if j < len(text) and (c == '.' or text[j] == c):
                        j += 1
                    else:
                        return False
            if kind == 'end':
                return i == len(text)
            if i >= len(text):
                return False
            if kind == 'lit' and text[i] != c:
                return False
            i += 1
            k += 1
        return True

    def __repr__(self):
        return "re.compile(%r%s)" % (self.pattern, ", re.IGNORECASE" if self.ignorecase else "")


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def _filters_mutated():
    global _filters_version
    _filters_version += 1
    _registry.clear()
    onceregistry.clear()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, _Pattern(message, True) if message else None, category,
                _Pattern(module, False) if module else None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _warnings.source_line(filename, lineno)
    if line:
        s += "  %s\n" % line.strip()
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    try:
        file.write(text)
    except OSError:
        pass


_showwarning_orig = None


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" %
                (self.message, self._category_name, self.filename, self.lineno, self.line))


def _warn_at(message, category, stacklevel, source, filename, lineno, module):
    """warn() once _warnings.warn has added where it was called from."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    warn_explicit(message, category, filename, lineno, module, None, None, source)


warn = _warnings.warn


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno, filename)
    if registry is None:
        registry = _registry
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat) and
                (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0, filename)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon exiting the context."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        _filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            showwarning = lambda message, category, filename, lineno, file=None, line=None: log.append(
                WarningMessage(message, category, filename, lineno, file, line))
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        filters[:] = self._filters
        _filters_mutated()
        showwarning = self._showwarning


# CPython's default filters (a release build without -W or PYTHONWARNINGS).
simplefilter("ignore", category=ResourceWarning, append=True)
simplefilter("ignore", category=ImportWarning, append=True)
simplefilter("ignore", category=PendingDeprecationWarning, append=True)
simplefilter("ignore", category=DeprecationWarning, append=True)
filters.insert(0, ("default", None, DeprecationWarning, _Pattern("__main__", False), 0))
_filters_mutated()
"""#
}
