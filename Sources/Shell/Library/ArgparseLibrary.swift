/// CPython 3.11's `argparse` for what training scripts use: `ArgumentParser` with `add_argument`
/// (positionals and options; `type`, `default`, `required`, `choices`, `nargs` of N, `?`, `*`, `+`;
/// the actions `store`, `store_const`, `store_true`, `store_false`, `append`, `count`, `help`,
/// `version`), `add_argument_group`, `add_mutually_exclusive_group` (listed, not enforced beyond
/// CPython's message for two given), `set_defaults`, `parse_args`, `parse_known_args`, `Namespace`,
/// and `--help`/usage/error text laid out as CPython's HelpFormatter lays it out (78 columns, help
/// at column 24). Written for nnsh in Python; run as the module on first import.
enum ArgparseLibrary {
    static let source = #"""
"""Command-line parsing library (the parts of CPython 3.11's argparse that scripts use)."""

import os as _os
import sys as _sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'Namespace', 'SUPPRESS', 'OPTIONAL',
           'ZERO_OR_MORE', 'ONE_OR_MORE', 'REMAINDER', 'HelpFormatter', 'RawDescriptionHelpFormatter',
           'RawTextHelpFormatter', 'ArgumentDefaultsHelpFormatter', 'FileType', 'Action', 'BooleanOptionalAction']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class Namespace(object):
    """Simple object for storing attributes."""

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        parts = []
        star = {}
        for name, value in list(self.__dict__.items()):
            if name.isidentifier():
                parts.append('%s=%r' % (name, value))
            else:
                star[name] = value
        if star:
            parts.append('**%s' % repr(star))
        return '%s(%s)' % (type(self).__name__, ', '.join(parts))

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _argument_name(argument)
        self.message = message
        Exception.__init__(self, str(self))

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _argument_name(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Action(object):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, kind='store'):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind


class BooleanOptionalAction(Action):
    pass


class FileType(object):
    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            return _sys.stdin if 'r' in self._mode else _sys.stdout
        try:
            return open(string, self._mode, encoding=self._encoding, errors=self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))


def _wrap(text, width):
    words = text.split()
    lines = []
    line = ''
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = w if not line else line + ' ' + w
    if line:
        lines.append(line)
    return lines


class HelpFormatter(object):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = int(_os.environ['COLUMNS'])
            except (KeyError, ValueError):
                width = 80
            width -= 2
        self._prog = prog
        self._width = width
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))

    def _fill_text(self, text):
        return '\n'.join(_wrap(text, self._width))

    def _split_lines(self, text, width):
        return _wrap(text, width)

    def _get_help_string(self, action):
        return action.help


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill_text(self, text):
        return text


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ''
        if '%(default)' not in help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += ' (default: %(default)s)'
        return help


class _Group(object):
    def __init__(self, parser, title, description=None, exclusive=False, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self._actions = []
        self._exclusive = exclusive
        self.required = required

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        for g in self._parser._groups:
            if action in g._actions and g is not self and not g._exclusive:
                g._actions.remove(action)
        self._actions.append(action)
        if self._exclusive:
            self._parser._exclusive.append((self, action))
            owner = self._parser._group_of.get(id(self))
            if owner is not None:
                for g in self._parser._groups:
                    if action in g._actions and g is not owner:
                        g._actions.remove(action)
                owner._actions.append(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, required=False):
        g = _Group(self._parser, None, exclusive=True, required=required)
        self._parser._group_of[id(g)] = self
        return g


def _expand(help, action, prog):
    params = dict(vars(action), prog=prog)
    for name in list(params):
        if params[name] is SUPPRESS:
            del params[name]
    if params.get('choices') is not None:
        params['choices'] = ', '.join([str(c) for c in params['choices']])
    out = ''
    i = 0
    while i < len(help):
        if help.startswith('%(', i):
            j = help.find(')', i)
            if j > 0 and j + 1 < len(help):
                key = help[i + 2:j]
                conv = help[j + 1]
                value = params.get(key)
                out += repr(value) if conv == 'r' else ('%d' % value if conv == 'd' else str(value))
                i = j + 2
                continue
        if help.startswith('%%', i):
            out += '%'
            i += 2
            continue
        out += help[i]
        i += 1
    return out


class ArgumentParser(object):
    """Object for parsing command line strings into Python objects."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else 'nnsh'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        self._exclusive = []
        self._group_of = {}
        self._positionals = _Group(self, 'positional arguments')
        self._optionals = _Group(self, 'options')
        self._groups = [self._positionals, self._optionals]
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.kind != 'help':
                    self._register(action)
            self._defaults.update(parent._defaults)

    def _register(self, action):
        self._actions.append(action)
        (self._optionals if action.option_strings else self._positionals)._actions.append(action)

    def add_argument(self, *args, **kwargs):
        kind = kwargs.pop('action', 'store')
        if not args or (len(args) == 1 and args[0] and args[0][0] != '-'):
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            dest = args[0] if args else kwargs.pop('dest')
            option_strings = []
            if kwargs.get('required') is not None and 'required' in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            required = kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE)
        else:
            option_strings = list(args)
            for s in option_strings:
                if not s or s[0] != '-':
                    raise ValueError("invalid option string %r: must start with a character '-'" % s)
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [s for s in option_strings if s.startswith('--')]
                dest = (longs[0] if longs else option_strings[0]).lstrip('-').replace('-', '_')
            required = kwargs.pop('required', False)
            for s in option_strings:
                for a in self._actions:
                    if s in a.option_strings:
                        raise ArgumentError(a, 'conflicting option string: %s' % s)
        nargs = kwargs.pop('nargs', None)
        const = kwargs.pop('const', None)
        default = kwargs.pop('default', self.argument_default)
        if kind == 'store_true':
            const, default, nargs = True, (False if default is None else default), 0
        elif kind == 'store_false':
            const, default, nargs = False, (True if default is None else default), 0
        elif kind in ('store_const', 'append_const', 'count', 'help', 'version'):
            nargs = 0
        elif isinstance(kind, type) and issubclass(kind, BooleanOptionalAction):
            kind = 'boolean_optional'
            nargs = 0
            option_strings = option_strings + ['--no-' + s[2:] for s in option_strings if s.startswith('--')]
        elif kind not in ('store', 'append', 'extend'):
            raise ValueError('unknown action "%s"' % (kind,))
        if nargs == 0 and kind in ('store', 'append'):
            raise ValueError('nargs for store actions must be != 0; if you have nothing to store, '
                             'actions such as store true or store const may be more appropriate')
        action = Action(option_strings, dest, nargs=nargs, const=const, default=default,
                        type=kwargs.pop('type', None), choices=kwargs.pop('choices', None), required=required,
                        help=kwargs.pop('help', None), metavar=kwargs.pop('metavar', None), kind=kind)
        action.version = kwargs.pop('version', None)
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % ('Action', list(kwargs)[0]))
        if action.type is not None and not callable(action.type):
            raise ValueError('%r is not callable' % (action.type,))
        self._register(action)
        return action

    def add_argument_group(self, title=None, description=None):
        g = _Group(self, title, description)
        self._groups.append(g)
        return g

    def add_mutually_exclusive_group(self, required=False):
        g = _Group(self, None, exclusive=True, required=required)
        self._group_of[id(g)] = self._optionals
        return g

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ---- parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error('unrecognized arguments: %s' % ' '.join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        try:
            return self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))

    def _option_for(self, arg):
        """(action, explicit value, option string) for an option argument, or None."""
        if '=' in arg and arg.startswith('--'):
            name, value = arg.split('=', 1)
        else:
            name, value = arg, None
        for a in self._actions:
            if name in a.option_strings:
                return a, value, name
        if arg.startswith('--'):
            if self.allow_abbrev:
                hits = [(a, s) for a in self._actions for s in a.option_strings if s.startswith(name) and s.startswith('--')]
                if len(hits) == 1:
                    return hits[0][0], value, hits[0][1]
                if len(hits) > 1:
                    options = ', '.join([s for a, s in hits])
                    self.error('ambiguous option: %s could match %s' % (name, options))
            return None
        if len(arg) > 2 and arg[0] == '-' and arg[1] != '-':
            for a in self._actions:
                if arg[:2] in a.option_strings:
                    return a, arg[2:], arg[:2]
        return None

    def _convert(self, action, value):
        if action.type is None:
            result = value
        else:
            try:
                result = action.type(value)
            except ArgumentTypeError as e:
                raise ArgumentError(action, str(e))
            except (TypeError, ValueError):
                name = getattr(action.type, '__name__', repr(action.type))
                raise ArgumentError(action, 'invalid %s value: %r' % (name, value))
        if action.choices is not None and result not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)' % (result, choices))
        return result

    def _take(self, action, values, namespace, option_string=None):
        kind = action.kind
        if kind == 'help':
            self.print_help()
            self.exit()
        if kind == 'version':
            print(action.version.replace('%(prog)s', self.prog))
            self.exit()
        if kind in ('store_const', 'store_true', 'store_false'):
            setattr(namespace, action.dest, action.const)
            return
        if kind == 'boolean_optional':
            setattr(namespace, action.dest, not option_string.startswith('--no-'))
            return
        if kind == 'append_const':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const)
            setattr(namespace, action.dest, items)
            return
        if kind == 'count':
            count = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (count or 0) + 1)
            return
        if action.nargs is None:
            value = self._convert(action, values[0])
        elif action.nargs == OPTIONAL:
            if values:
                value = self._convert(action, values[0])
            elif action.option_strings:
                value = action.const
            else:
                value = action.default
                if isinstance(value, str):
                    value = self._convert(action, value)
        else:
            value = [self._convert(action, v) for v in values]
            if not values and not action.option_strings and action.nargs == ZERO_OR_MORE:
                value = action.default if action.default is not None else []
        if kind in ('append', 'extend'):
            items = list(getattr(namespace, action.dest, None) or [])
            if kind == 'append':
                items.append(value)
            else:
                items.extend(value)
            value = items
        setattr(namespace, action.dest, value)

    def _parse(self, args, namespace):
        positionals = [a for a in self._actions if not a.option_strings]
        seen = []
        extras = []
        loose = []
        i = 0
        only_positional = False
        while i < len(args):
            arg = args[i]
            if arg == '--' and not only_positional:
                only_positional = True
                i += 1
                continue
            looks_optional = (not only_positional and arg.startswith('-') and arg != '-'
                              and not _is_negative_number(arg))
            if not looks_optional:
                loose.append(arg)
                i += 1
                continue
            found = self._option_for(arg)
            if found is None:
                extras.append(arg)
                i += 1
                continue
            action, explicit, option_string = found
            i += 1
            if action.nargs == 0:
                if explicit is not None and explicit != '' and option_string.startswith('--'):
                    raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
                self._take(action, [], namespace, option_string)
                seen.append(action)
                if explicit:
                    # -vx: the rest are more single-dash flags.
                    for ch in explicit:
                        more = self._option_for('-' + ch)
                        if more is None:
                            extras.append('-' + explicit)
                            break
                        self._take(more[0], [], namespace, '-' + ch)
                        seen.append(more[0])
                continue
            values = []
            if explicit is not None:
                values = [explicit]
            else:
                want = action.nargs
                while i < len(args) and not (args[i].startswith('-') and args[i] != '-' and not _is_negative_number(args[i])):
                    if want is None or want == OPTIONAL:
                        if len(values) == 1:
                            break
                    elif isinstance(want, int) and len(values) == want:
                        break
                    values.append(args[i])
                    i += 1
            n = action.nargs
            if n is None and len(values) != 1:
                raise ArgumentError(action, 'expected one argument')
            if n == ONE_OR_MORE and not values:
                raise ArgumentError(action, 'expected at least one argument')
            if isinstance(n, int) and len(values) != n:
                raise ArgumentError(action, 'expected %d argument%s' % (n, '' if n == 1 else 's'))
            self._take(action, values, namespace, option_string)
            seen.append(action)
        # Positionals, in order, each taking what its nargs allows and leaving enough for the rest.
        k = 0
        for index, action in enumerate(positionals):
            rest_min = sum(_min_count(a) for a in positionals[index + 1:])
            n = action.nargs
            available = len(loose) - k
            if n is None:
                count = 1 if available >= 1 else 0
            elif n == OPTIONAL:
                count = 1 if available - rest_min >= 1 else 0
            elif n in (ZERO_OR_MORE, ONE_OR_MORE):
                count = max(available - rest_min, 0)
            elif n == REMAINDER:
                count = available
            else:
                count = n if available >= n else 0
            values = loose[k:k + count]
            if (n is None or isinstance(n, int)) and len(values) != (1 if n is None else n):
                continue
            if n == ONE_OR_MORE and not values:
                continue
            k += count
            self._take(action, values, namespace)
            seen.append(action)
        extras.extend(loose[k:])
        for group, action in self._exclusive:
            for other_group, other in self._exclusive:
                if other_group is group and other is not action and action in seen and other in seen:
                    raise ArgumentError(action, 'not allowed with argument %s' % _argument_name(other))
        missing = [_argument_name(a) for a in self._actions if a.required and a not in seen]
        if missing:
            self.error('the following arguments are required: %s' % ', '.join(missing))
        return namespace, extras

    # ---- help

    def _metavar(self, action, default):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return '{' + ','.join(map(str, action.choices)) + '}'
        return default

    def _args_text(self, action, default):
        m = self._metavar(action, default)
        n = action.nargs
        if n is None:
            return m
        if n == OPTIONAL:
            return '[%s]' % m
        if n == ZERO_OR_MORE:
            return '[%s ...]' % m
        if n == ONE_OR_MORE:
            return '%s [%s ...]' % (m, m)
        if n == REMAINDER:
            return '...'
        if n == 0:
            return ''
        return ' '.join([m] * n)

    def _usage_parts(self):
        opt_parts, pos_parts = [], []
        for action in self._actions:
            if action.help is SUPPRESS:
                continue
            if action.option_strings:
                s = action.option_strings[0]
                if action.nargs != 0:
                    s = '%s %s' % (s, self._args_text(action, action.dest.upper()))
                if action.kind == 'boolean_optional':
                    s = ' | '.join(action.option_strings)
                opt_parts.append(s if action.required else '[%s]' % s)
            else:
                pos_parts.append(self._args_text(action, action.dest))
        return opt_parts, pos_parts

    def format_usage(self):
        return self._format_usage() + '\n'

    def _format_usage(self):
        prefix = 'usage: '
        if self.usage is not None:
            return prefix + self.usage.replace('%(prog)s', self.prog)
        opt_parts, pos_parts = self._usage_parts()
        usage = ' '.join([s for s in [self.prog] + opt_parts + pos_parts if s])
        width = self.formatter_class(self.prog)._width
        if len(prefix) + len(usage) <= width:
            return prefix + usage

        def get_lines(parts, indent, pre=None):
            lines = []
            line = []
            line_len = len(pre) - 1 if pre is not None else len(indent) - 1
            for part in parts:
                if line_len + 1 + len(part) > width and line:
                    lines.append(indent + ' '.join(line))
                    line = []
                    line_len = len(indent) - 1
                line.append(part)
                line_len += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if pre is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(self.prog) <= 0.75 * width:
            indent = ' ' * (len(prefix) + len(self.prog) + 1)
            if opt_parts:
                lines = get_lines([self.prog] + opt_parts, indent, prefix)
                lines.extend(get_lines(pos_parts, indent))
            elif pos_parts:
                lines = get_lines([self.prog] + pos_parts, indent, prefix)
            else:
                lines = [self.prog]
        else:
            indent = ' ' * len(prefix)
            lines = get_lines(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = []
                lines.extend(get_lines(opt_parts, indent))
                lines.extend(get_lines(pos_parts, indent))
            lines = [self.prog] + lines
        return prefix + '\n'.join(lines)

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action, action.dest)
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = self._args_text(action, action.dest.upper())
        return ', '.join(['%s %s' % (s, args) for s in action.option_strings])

    def format_help(self):
        formatter = self.formatter_class(self.prog)
        width = formatter._width
        out = [self._format_usage(), '']
        if self.description:
            out.append(formatter._fill_text(self.description))
            out.append('')
        visible = [a for a in self._actions if a.help is not SUPPRESS]
        longest = max([len(self._invocation(a)) + 2 for a in visible] + [0])
        help_position = min(longest + 2, formatter._max_help_position)
        help_width = max(width - help_position, 11)
        for group in self._groups:
            actions = [a for a in group._actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            out.append('%s:' % group.title)
            if group.description:
                out.append('  ' + group.description)
                out.append('')
            for action in actions:
                header = self._invocation(action)
                action_width = help_position - 2 - 2
                help = formatter._get_help_string(action)
                if help:
                    lines = formatter._split_lines(_expand(help, action, self.prog), help_width)
                else:
                    lines = []
                if not lines:
                    out.append('  ' + header)
                elif len(header) <= action_width:
                    out.append('  ' + header.ljust(action_width) + '  ' + lines[0])
                    out.extend([' ' * help_position + line for line in lines[1:]])
                else:
                    out.append('  ' + header)
                    out.extend([' ' * help_position + line for line in lines])
            out.append('')
        if self.epilog:
            out.append(formatter._fill_text(self.epilog))
            out.append('')
        while out and out[-1] == '':
            out.pop()
        return '\n'.join(out) + '\n'

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, '%(prog)s: error: %(message)s\n'.replace('%(prog)s', self.prog).replace('%(message)s', message))


def _min_count(action):
    n = action.nargs
    if n is None:
        return 1
    if n in (OPTIONAL, ZERO_OR_MORE, REMAINDER):
        return 0
    if n == ONE_OR_MORE:
        return 1
    return n


def _is_negative_number(s):
    if len(s) < 2 or s[0] != '-':
        return False
    try:
        float(s)
        return True
    except ValueError:
        return False
"""#
}
