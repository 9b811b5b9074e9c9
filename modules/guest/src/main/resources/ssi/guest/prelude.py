# Evaluates to a function that installs the `ssi` system calls and makes the guest's clocks and random numbers virtual.
def __ssi_install(sys_):
    import builtins, random, sys, time, types

    ssi = types.ModuleType('ssi', 'The ssi system calls.')
    ssi.args = [str(a) for a in sys_.args()]
    ssi.getpid = lambda: sys_.getpid()
    ssi.getppid = lambda: sys_.getppid()
    ssi.time = lambda: sys_.time()
    ssi.spawn = lambda path, args=(): sys_.spawn(str(path), [str(a) for a in args])
    ssi.wait = lambda pid: sys_.wait(int(pid))
    ssi.sleep = lambda seconds: sys_.sleep(float(seconds))
    ssi.exit = lambda status=0: sys_.exit(int(status))
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
