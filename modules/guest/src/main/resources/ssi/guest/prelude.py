# Evaluates to a function that installs the `ssi` system calls and makes the guest's clocks and random numbers virtual.
def __ssi_sandbox(sys_, seed):
    # What the sandbox forbids raises a PermissionError a program can catch, naming what ssi offers
    # instead (the host's own refusal is an error Python cannot catch); the node is ssi's, not the host's.
    # Modules are patched as they are imported (random is seeded then: importing it costs a cold start).
    import builtins, os, sys

    def forbidden(what, instead):
        def refuse(*args, **kwargs):
            raise PermissionError(1, f'ssi guests cannot use {what}: {instead}')
        return refuse

    processes = forbidden('host processes', 'start a process with ssi.spawn(path, args) and ssi.wait(pid)')
    for name in ('system', 'popen', 'fork', 'forkpty', 'posix_spawn', 'posix_spawnp', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe',
                 'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'execv', 'execve', 'execvp', 'execvpe', 'execl', 'execle', 'execlp', 'execlpe'):
        if hasattr(os, name):
            setattr(os, name, processes)
    os.kill = lambda pid, sig: ssi.kill(pid, sig)
    threads = forbidden('threads', 'start a process with ssi.spawn(path, args); guests have one thread')
    import _thread
    _thread.start_new_thread = _thread.start_new = threads
    sockets = forbidden('sockets', 'exchange messages with ssi.send(pid, text) and ssi.recv(), or use ssi.pipe()')
    patches = {
        'threading': lambda m: setattr(m, '_start_new_thread', threads),
        'subprocess': lambda m: setattr(m.Popen, '__init__', processes),
        'socket': lambda m: (setattr(m.socket, '__init__', sockets), setattr(m, 'create_connection', sockets),
                             setattr(m, 'socketpair', sockets), setattr(m, 'gethostname', lambda: sys_.node().name)),
        'multiprocessing': lambda m: setattr(m, 'Process', type('Process', (), {'__init__': processes})),
        'ctypes': lambda m: setattr(m, 'CDLL', forbidden('native libraries', 'guests run Python code only')),
        'random': lambda m: m.seed(seed),
    }
    for name, patch in patches.items():
        if name in sys.modules:
            patch(sys.modules[name])

    class Patcher:
        # patches a module that needs it once it is imported
        def find_spec(self, name, path=None, target=None):
            if name not in patches:
                return None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, 'find_spec'):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None and spec.loader is not None and hasattr(spec.loader, 'exec_module'):
                    loader, exec_module = spec.loader, spec.loader.exec_module
                    class Patched:
                        def create_module(self, spec):
                            return loader.create_module(spec) if hasattr(loader, 'create_module') else None
                        def exec_module(self, module):
                            exec_module(module)
                            patches[name](module)
                    spec.loader = Patched()
                    return spec
                if spec is not None:
                    return spec
            return None
    sys.meta_path.insert(0, Patcher())

    # A descriptor beyond a C int fails inside GraalPy's open, past any except; CPython raises OverflowError
    import io
    real_open = io.open
    def open(file, *args, **kwargs):
        if isinstance(file, int) and not -2**31 <= file < 2**31:
            raise OverflowError('signed integer is ' + ('greater than maximum' if file > 0 else 'less than minimum'))
        return real_open(file, *args, **kwargs)
    io.open = builtins.open = open

    def uname():
        n = sys_.node()
        return os.uname_result(('Linux', str(n.name), 'ssi-' + str(sys_.version()), '#1 ssi', 'x86_64'))
    os.uname = uname

def __ssi_install(sys_):
    import builtins, sys, time, types

    def refused(e):
        # A refused call reaches Python as the host's SyscallException: the OSError Python code expects
        # (OSError(errno, ...) is the matching subclass: FileNotFoundError for ENOENT, BrokenPipeError for EPIPE, ...).
        try:
            return OSError(int(e.number()), str(e.text()))
        except BaseException:
            return None

    def syscall(f):
        def call(*args, **kwargs):
            try:
                return f(*args, **kwargs)
            except BaseException as e:
                if type(e).__name__ != 'ForeignException':
                    raise
                error = refused(e)
                if error is None:
                    raise
                raise error from None
        call.__wrapped__ = f
        return call

    def c_int(x):
        # an int argument as CPython takes one: GraalPy's own refusal of a big one reads 'invalid instantiation of foreign object'
        n = int(x)
        if not -2**31 <= n < 2**31:
            raise OverflowError('Python int too large to convert to C int')
        return n

    # parameter names are the README's: a program may pass any of them by keyword
    ssi = types.ModuleType('ssi', 'The ssi system calls.')
    ssi.args = [str(a) for a in sys_.args()]
    ssi.getpid = lambda: sys_.getpid()
    ssi.getppid = lambda: sys_.getppid()
    ssi.time = lambda: sys_.time()
    ssi.spawn = syscall(lambda path, args=(), stdin=-1, stdout=-1, fds=(): sys_.spawn(str(path), [str(a) for a in args], c_int(stdin), c_int(stdout), [c_int(f) for f in fds]))
    ssi.wait = syscall(lambda pid: sys_.wait(c_int(pid)))
    def waitinfo(pid):
        e = sys_.waitinfo(c_int(pid))
        return {k: getattr(e, k) for k in ('status', 'cpu', 'work', 'nmigs', 'forwarded')}
    ssi.waitinfo = syscall(waitinfo)
    ssi.sleep = syscall(lambda seconds: sys_.sleep(float(seconds)))
    ssi.exit = syscall(lambda status=0: sys_.exit(c_int(status)))
    ssi.where = lambda: sys_.where()
    ssi.migrate = syscall(lambda node: sys_.migrate(node if isinstance(node, str) else c_int(node)))
    ssi.lock = syscall(lambda flag=True: sys_.lock(bool(flag)))
    ssi.alloc = syscall(lambda bytes: sys_.alloc(float(bytes)))
    ssi.free = syscall(lambda block: sys_.free(c_int(block)))
    ssi.touch = syscall(lambda block, offset=0, length=-1: sys_.touch(c_int(block), float(offset), float(length)))
    ssi.shmget = syscall(lambda key, bytes: sys_.shmget(c_int(key), float(bytes)))
    ssi.shmat = syscall(lambda id: sys_.shmat(c_int(id)))
    ssi.shmdt = syscall(lambda id: sys_.shmdt(c_int(id)))
    ssi.shmread = syscall(lambda id, offset, length: sys_.shmread(c_int(id), float(offset), float(length)))
    ssi.shmwrite = syscall(lambda id, offset, text: sys_.shmwrite(c_int(id), float(offset), str(text)))
    ssi.pipe = syscall(lambda: tuple(int(fd) for fd in sys_.pipe()))
    ssi.read = syscall(lambda fd, max=-1: str(sys_.read(c_int(fd), float(max))))
    ssi.write = syscall(lambda fd, text: sys_.write(c_int(fd), str(text)))
    ssi.close = syscall(lambda fd: sys_.close(c_int(fd)))
    ssi.send = syscall(lambda pid, text: sys_.send(c_int(pid), str(text)))
    def recv(timeout=-1):
        m = sys_.recv(float(timeout))
        return None if m is None else {'from': int(getattr(m, 'from')), 'data': str(getattr(m, 'data'))}
    ssi.recv = syscall(recv)
    ssi.direct = syscall(lambda flag=True: sys_.direct(bool(flag)))
    ssi.checkpoint = syscall(lambda text: sys_.checkpoint(str(text)))
    ssi.restored = lambda: (lambda s: None if s is None else str(s))(sys_.restored())
    ssi.kill = syscall(lambda pid, signal='SIGTERM': sys_.kill(c_int(pid), signal))
    ssi.signal = syscall(lambda signal, handler=None: sys_.signal(signal, handler))
    for name, f in vars(ssi).items():  # a bad call's TypeError names ssi.wait(), not the prelude's lambda
        if callable(f):
            for g in (f, getattr(f, '__wrapped__', f)):
                g.__name__, g.__qualname__ = name, 'ssi.' + name
    sys.modules['ssi'] = ssi
    builtins.ssi = ssi
    # CPython's conventions: argv[0] the script, its folder first on the path, the image's library last (as site-packages)
    sys.argv = [sys_.path()] + ssi.args
    sys.path.insert(0, sys_.path().rpartition('/')[0] or '/')
    sys.path.append('/lib/python')

    now_ns = lambda: int(sys_.time() * 1e9)
    for name in ('time', 'monotonic', 'perf_counter'):
        setattr(time, name, ssi.time)
        setattr(time, name + '_ns', now_ns)
    time.sleep = ssi.sleep
    __ssi_sandbox(sys_, sys_.seed())
    globals().pop('__ssi_sandbox', None)
    globals().pop('__ssi_install', None)

    def describe(exc):
        # An uncaught exception as CPython prints it.
        import traceback
        return ''.join(traceback.format_exception(exc))
    return types.SimpleNamespace(describe=describe)

__ssi_install
