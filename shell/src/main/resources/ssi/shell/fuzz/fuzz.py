# The guest half of ssi's fuzz suite (FuzzTest, bench fuzz): calls every ssi function, open() and
# the os functions on files (and writes /proc files) with arguments drawn from a seed, half of them
# plausible, half anything Python has, and prints one line per call for the host to check:
#   #fuzz# I NAME ok | err KIND ERRNO MESSAGE ARGS | watchdog
# usage: fuzz.py SEED CALLS
import os
import random
import sys

seed, calls = int(ssi.args[0]), int(ssi.args[1])
draws = random.Random(seed)
pick = draws.choice


class Watchdog(Exception):
    """What a call blocked too long raises: the host sends SIGALRM (a sleep past the clock's end, a read of a pipe only we write)."""


def watchdog(name):
    raise Watchdog()


ssi.signal('SIGALRM', watchdog)


class Hostile:
    """Fails whatever it is asked to become."""
    def __int__(self): raise ValueError('hostile int')
    def __index__(self): raise ValueError('hostile index')
    def __float__(self): raise ValueError('hostile float')
    def __str__(self): raise ValueError('hostile str')
    def __iter__(self): raise ValueError('hostile iter')
    def __bool__(self): raise ValueError('hostile bool')


class Intish:
    """Becomes a 2 or 'home' when asked."""
    def __int__(self): return 2
    def __index__(self): return 2
    def __float__(self): return 2.0
    def __str__(self): return 'home'


long = 'y' * 5000
anything = [
    0, -0.0, 1, -1, 2, 3, 7, 42, 0.5, -2.5, 1e-9, float('nan'), float('inf'), float('-inf'), 2**31 - 1, 2**31, -2**31, 2**32, 2**53,
    2**63, 10**100, -10**100, 1e308, 5e-324, True, False, None,
    '', ' ', 'a', '0', '1', '-1', 'nan', 'inf', '1e400', '0x10', '\0', 'a\0b', '\n', '\u00e9t\u00e9', '\u65e5\u672c', '\U0001f600',
    '\ud800', '\udfff', '\u202e', long, '../../../../etc/passwd', '/', '/home', '/home/fz', '/proc/self/where', '/proc/1/stat',
    '/proc/mosix/admin/block', '/bin/hello.js', 'hello.js', '/mfs/2/fz', '/mfs/99/x', 'home', 'balance', 'node2', 'SIGKILL', 'TERM',
    'usr1', 'r', 'w', 'a', 'rb', '%s%d', '{x}', '"\'', '\\',
    b'', b'\x00\xff', bytearray(b'ab'), [], [1], ['a', 'b'], [None], [[1]], [long], (1,), (), {}, {'stdin': 3}, set(), frozenset([1]),
    1j, object(), type, int, lambda: 1, Hostile(), Intish(), range(3), Ellipsis, NotImplemented, memoryview(b'x'),
]

made = {'pids': [], 'blocks': [], 'fds': [], 'shm': [], 'files': []}  # what earlier calls returned, for later ones to use
plausible = {
    'pid': lambda: pick(made['pids'] + [ssi.getpid() + 1, 1, 2, 999999, 0, -1]),
    'node': lambda: pick([1, 2, 3, 4, 5, 'home', 'node3', 'balance', 6, 0, '1']),
    'bytes': lambda: pick([1, 4096, 1 << 20, 64 << 20, 1 << 30, 0, 2**40]),
    'block': lambda: pick(made['blocks'] + [0, 1, 99]),
    'fd': lambda: pick(made['fds'] * 2 + [0, 1, 2, 3, 99, -1]),
    'shm': lambda: pick(made['shm'] + [0, 1, 99]),
    'seconds': lambda: pick([0, 0.001, 0.01, 0.05, 1e9]),
    'path': lambda: pick(['/home/fz/a', '/home/fz/b/c', '/home/fz/b', '/tmp/fz', '/home/fz', '/mfs/2/fz', '/mfs/3/home/x', '/bin/hello.js',
                          '/proc/self/where', '/proc/self/stat', '/proc/mosix/admin/block', '/proc/mosix/nodes/1/load', 'rel', '../../..',
                          '/bin', '/home/fz/' + 'n' * 300, '/home/fz/\u00e9']),
    'mode': lambda: pick(['r', 'w', 'a', 'x', '', 'r+', 'rb', 'wb', 'w+']),
    'text': lambda: pick(['', 'a', 'hello\n', '\u00e9', '\ud800', long, '1', 'home', '2', '0']),
    'signal': lambda: pick(['SIGTERM', 'TERM', 'SIGUSR1', 'USR2', 'SIGHUP', 'SIGINT', 'SIGSTOP', 'SIGCONT', 'SIGCHLD', 'SIGPIPE',
                            'SIGKILL', 'SIGALRM', 9, 15, 0, 99, 'bogus', 'sigterm']),
    'handler': lambda: pick([None, lambda name: None, lambda name: made.update(caught=name), watchdog]),
    'list': lambda: pick([[], ['1'], [1, 2], ['x' * 1000], ['a', None]]),
    'program': lambda: pick(['/bin/hello.js', 'hello.js', '/bin/hello.js', '/bin/nope.js', '/home', '/proc/self/stat', '/bin/lib', '']),
    'key': lambda: pick([1, 42, 7, 0, -1]),
    'offset': lambda: pick([0, 1, 100, 4095, 4096, -1, 2**31]),
    'flag': lambda: pick([True, False, 1, 0]),
    'state': lambda: pick(['{}', 'x', long]),
    'file': lambda: pick(made['files'] + [None, 3]),
    'procfile': lambda: pick(['/proc/self/where', '/proc/self/goto', '/proc/self/lock', '/proc/self/stat', '/proc/1/where', '/proc/2/lock',
                              '/proc/mosix/admin/block', '/proc/mosix/admin/speed', '/proc/mosix/admin/max-processes',
                              '/proc/mosix/nodes/2/speed', '/proc/mosix/nodes/9/load', '/proc/999/where', '/proc/self/bogus', '/proc']),
    'procvalue': lambda: pick(['home', '1', '2', '3', '0', '9', 'balance', 'banana', '', '1.5', '99999999999999999999', '-1', '\0']),
}


def spawn(path, args, options):
    return ssi.spawn(path, args, **options) if isinstance(options, dict) else ssi.spawn(path, args, options)


def fopen(path, mode):
    f = open(path, mode)
    made['files'].append(f)
    return f


def proc(file, value):
    with open(file, 'w') as f:
        f.write(value)


# Each call and the kinds of its arguments: ssi's, Python's file functions, and 'proc', a /proc file written.
table = {
    'getpid': (ssi.getpid, []), 'getppid': (ssi.getppid, []), 'time': (ssi.time, []), 'where': (ssi.where, []),
    'restored': (ssi.restored, []), 'pipe': (ssi.pipe, []),
    'spawn': (spawn, ['program', 'list']),  # and options, drawn in draw()
    'wait': (ssi.wait, ['pid']), 'waitinfo': (ssi.waitinfo, ['pid']),
    'sleep': (ssi.sleep, ['seconds']), 'migrate': (ssi.migrate, ['node']), 'lock': (ssi.lock, ['flag']),
    'alloc': (ssi.alloc, ['bytes']), 'free': (ssi.free, ['block']), 'touch': (ssi.touch, ['block', 'offset', 'bytes']),
    'shmget': (ssi.shmget, ['key', 'bytes']), 'shmat': (ssi.shmat, ['shm']), 'shmdt': (ssi.shmdt, ['shm']),
    'shmread': (ssi.shmread, ['shm', 'offset', 'offset']), 'shmwrite': (ssi.shmwrite, ['shm', 'offset', 'text']),
    'read': (ssi.read, ['fd', 'offset']), 'write': (ssi.write, ['fd', 'text']), 'close': (ssi.close, ['fd']),
    'send': (ssi.send, ['pid', 'text']), 'recv': (ssi.recv, ['seconds']), 'direct': (ssi.direct, ['flag']),
    'kill': (ssi.kill, ['pid', 'signal']), 'signal': (ssi.signal, ['signal', 'handler']), 'checkpoint': (ssi.checkpoint, ['state']),
    'open': (fopen, ['path', 'mode']), 'fwrite': (lambda f, text: f.write(text), ['file', 'text']),
    'fread': (lambda f, n: f.read(n), ['file', 'offset']), 'fclose': (lambda f: f.close(), ['file']),
    'listdir': (os.listdir, ['path']), 'stat': (os.stat, ['path']), 'remove': (os.remove, ['path']), 'mkdir': (os.mkdir, ['path']),
    'proc': (proc, ['procfile', 'procvalue']),
}
names = sorted(table)


def options():
    return pick([{}, {'stdin': plausible['fd']()}, {'stdout': plausible['fd']()}, {'fds': [plausible['fd']()]}, pick(anything)])


def draw(name):
    if draws.random() < 0.2:  # any number of anything
        return [pick(anything) for _ in range(draws.randrange(5))]
    args = [plausible[kind]() if draws.random() < 0.5 else pick(anything) for kind in table[name][1]]
    return args + [options()] if name == 'spawn' else args


def spare(name, args):
    # Arguments that would end or freeze this process, or cut the host's view of it, are moved aside:
    # a signal to itself, closing its stdout or stderr, a file opened on them.
    def number(x):
        try:
            return int(x)
        except BaseException:
            return None
    if name == 'kill' and args and number(args[0]) == ssi.getpid():
        args[0] = 999999
    if name == 'close' and args and number(args[0]) in (1, 2):
        args[0] = 99
    if name in ('open', 'proc') and args and isinstance(args[0], int) and args[0] in (0, 1, 2):
        args[0] = 99
    return args


def keep(name, result):
    if name in ('spawn', 'alloc', 'shmget') and isinstance(result, int):
        made[{'spawn': 'pids', 'alloc': 'blocks', 'shmget': 'shm'}[name]].append(result)
    elif name == 'pipe' and isinstance(result, tuple):
        made['fds'].extend(result)


def describe(e):
    # An error's kind (its nearest built-in class, then its own if it is not one), errno and message.
    def safe(f):
        try:
            return f()
        except BaseException:
            return '?'
    base = next(c for c in type(e).__mro__ if c.__module__ == 'builtins')
    kind = base.__name__ if base is type(e) else f'{base.__name__}/{type(e).__module__}.{type(e).__name__}'
    return f'err {kind} {safe(lambda: ascii(getattr(e, "errno", None)))} {safe(lambda: ascii(str(e)))}'


def say(text):
    print(f'\n#fuzz# {text}', flush=True)


for i in range(calls):
    name = pick(names)
    args = spare(name, draw(name))
    outcome = 'ok'
    try:
        keep(name, table[name][0](*args))
    except Watchdog:
        outcome = 'watchdog'
    except BaseException as e:
        outcome = describe(e) + ' ' + ascii(args)[:120]
    finally:
        if name == 'signal':
            ssi.signal('SIGALRM', watchdog)
    say(f'{i} {name} {outcome}')
status = pick([0, 1, 3, 255, 256, -1, 'x', float('nan'), None, 2**31, 1.5])
say(f'done {status!a}')
try:
    ssi.exit(status)
except BaseException as e:
    say(f'{calls} exit {describe(e)}')
