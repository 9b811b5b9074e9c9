# Evaluates to a function that installs the `ssi` system calls and makes the guest's clocks and random numbers virtual.
def __ssi_install(sys_):
    import builtins, random, sys, time, types

    def syscall(f):
        # A refused call reaches Python as a foreign host exception: raise it as the OSError Python code expects.
        def call(*args):
            try:
                return f(*args)
            except BaseException as e:
                if type(e).__name__ != 'ForeignException':
                    raise
                raise OSError(str(e).removeprefix('ssi.guest.SyscallException: ')) from None
        return call

    ssi = types.ModuleType('ssi', 'The ssi system calls.')
    ssi.args = [str(a) for a in sys_.args()]
    ssi.getpid = lambda: sys_.getpid()
    ssi.getppid = lambda: sys_.getppid()
    ssi.time = lambda: sys_.time()
    ssi.spawn = syscall(lambda path, args=(), stdin=-1, stdout=-1, fds=(): sys_.spawn(str(path), [str(a) for a in args], int(stdin), int(stdout), [int(f) for f in fds]))
    ssi.wait = syscall(lambda pid: sys_.wait(int(pid)))
    def waitinfo(pid):
        e = sys_.waitinfo(int(pid))
        return {k: getattr(e, k) for k in ('status', 'cpu', 'work', 'nmigs', 'forwarded')}
    ssi.waitinfo = syscall(waitinfo)
    ssi.sleep = syscall(lambda seconds: sys_.sleep(float(seconds)))
    ssi.exit = syscall(lambda status=0: sys_.exit(int(status)))
    ssi.where = lambda: sys_.where()
    ssi.migrate = syscall(lambda target: sys_.migrate(target if isinstance(target, str) else int(target)))
    ssi.lock = syscall(lambda locked=True: sys_.lock(bool(locked)))
    ssi.alloc = syscall(lambda nbytes: sys_.alloc(float(nbytes)))
    ssi.free = syscall(lambda handle: sys_.free(int(handle)))
    ssi.touch = syscall(lambda handle, offset=0, length=-1: sys_.touch(int(handle), float(offset), float(length)))
    ssi.shmget = syscall(lambda key, nbytes: sys_.shmget(int(key), float(nbytes)))
    ssi.shmat = syscall(lambda shmid: sys_.shmat(int(shmid)))
    ssi.shmdt = syscall(lambda shmid: sys_.shmdt(int(shmid)))
    ssi.shmread = syscall(lambda shmid, offset, length: sys_.shmread(int(shmid), float(offset), float(length)))
    ssi.shmwrite = syscall(lambda shmid, offset, text: sys_.shmwrite(int(shmid), float(offset), str(text)))
    ssi.pipe = syscall(lambda: tuple(int(fd) for fd in sys_.pipe()))
    ssi.read = syscall(lambda fd, n=-1: str(sys_.read(int(fd), float(n))))
    ssi.write = syscall(lambda fd, text: sys_.write(int(fd), str(text)))
    ssi.close = syscall(lambda fd: sys_.close(int(fd)))
    ssi.send = syscall(lambda pid, data: sys_.send(int(pid), str(data)))
    def recv(timeout=-1):
        m = sys_.recv(float(timeout))
        return None if m is None else {'from': int(getattr(m, 'from')), 'data': str(getattr(m, 'data'))}
    ssi.recv = syscall(recv)
    ssi.direct = syscall(lambda on=True: sys_.direct(bool(on)))
    ssi.checkpoint = syscall(lambda state: sys_.checkpoint(str(state)))
    ssi.restored = lambda: (lambda s: None if s is None else str(s))(sys_.restored())
    ssi.kill = syscall(lambda pid, signal='SIGTERM': sys_.kill(int(pid), signal))
    ssi.signal = syscall(lambda signal, handler=None: sys_.signal(signal, handler))
    sys.modules['ssi'] = ssi
    builtins.ssi = ssi
    sys.argv = [sys_.path()] + ssi.args

    now_ns = lambda: int(sys_.time() * 1e9)
    for name in ('time', 'monotonic', 'perf_counter'):
        setattr(time, name, ssi.time)
        setattr(time, name + '_ns', now_ns)
    time.sleep = ssi.sleep
    random.seed(sys_.seed())
    globals().pop('__ssi_install', None)

__ssi_install
