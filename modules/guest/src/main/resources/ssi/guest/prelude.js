// Evaluates to a function that installs the `ssi` system calls and makes the guest's clocks and random numbers virtual.
(function (sys) {
    'use strict';
    const RealDate = Date;
    const nowMs = () => sys.time() * 1000;
    function VirtualDate(...args) {
        if (!new.target) {
            return new RealDate(nowMs()).toString();
        }
        return args.length === 0 ? new RealDate(nowMs()) : new RealDate(...args);
    }
    VirtualDate.prototype = RealDate.prototype;
    VirtualDate.now = nowMs;
    VirtualDate.UTC = RealDate.UTC;
    VirtualDate.parse = RealDate.parse;
    Object.defineProperty(RealDate.prototype, 'constructor', {value: VirtualDate, writable: true, configurable: true});
    globalThis.Date = VirtualDate;
    Object.defineProperty(globalThis, 'performance', {value: Object.freeze({now: nowMs}), writable: true, configurable: true});
    Math.random = () => sys.random();

    const argv = sys.args();
    const args = [];
    for (let i = 0; i < argv.length; i++) {
        args.push(String(argv[i]));
    }
    const ssi = Object.freeze({
        args: Object.freeze(args),
        getpid: () => sys.getpid(),
        getppid: () => sys.getppid(),
        time: () => sys.time(),
        spawn: (path, args = [], {stdin = -1, stdout = -1, fds = []} = {}) => sys.spawn(String(path), args, stdin, stdout, fds),
        wait: (pid) => sys.wait(pid),
        waitinfo: (pid) => { const e = sys.waitinfo(pid); return {status: e.status, cpu: e.cpu, work: Number(e.work), nmigs: e.nmigs, forwarded: Number(e.forwarded)}; },
        sleep: (seconds) => sys.sleep(seconds),
        exit: (status = 0) => sys.exit(status),
        where: () => sys.where(),
        migrate: (target) => sys.migrate(target),
        lock: (locked = true) => sys.lock(Boolean(locked)),
        alloc: (bytes) => sys.alloc(Number(bytes)),
        free: (handle) => sys.free(handle),
        touch: (handle, offset = 0, length = -1) => sys.touch(handle, Number(offset), Number(length)),
        shmget: (key, bytes) => sys.shmget(key, Number(bytes)),
        shmat: (id) => sys.shmat(id),
        shmdt: (id) => sys.shmdt(id),
        shmread: (id, offset, length) => sys.shmread(id, Number(offset), Number(length)),
        shmwrite: (id, offset, text) => sys.shmwrite(id, Number(offset), String(text)),
        pipe: () => Array.from(sys.pipe()),
        send: (pid, data) => sys.send(pid, String(data)),
        recv: (timeout = -1) => { const m = sys.recv(Number(timeout)); return m === null ? null : {from: m.from, data: String(m.data)}; },
        direct: (on = true) => sys.direct(Boolean(on)),
        checkpoint: (state) => sys.checkpoint(String(state)),
        restored: () => { const s = sys.restored(); return s === null ? null : String(s); },
        kill: (pid, signal = 'SIGTERM') => sys.kill(pid, signal),
        signal: (signal, handler = null) => sys.signal(signal, handler),
        open: (path, mode = 'r') => sys.open(String(path), String(mode)),
        read: (fd, max = -1) => sys.read(fd, Number(max)),
        write: (fd, text) => sys.write(fd, String(text)),
        close: (fd) => sys.close(fd),
        stat: (path) => { const s = sys.stat(String(path)); return {size: Number(s.size), isDirectory: Boolean(s.isDirectory), mtime: Number(s.mtime)}; },
        listdir: (path = '.') => Array.from(sys.listdir(String(path)), String),
        unlink: (path) => sys.unlink(String(path)),
        mkdir: (path) => sys.mkdir(String(path)),
    });
    Object.defineProperty(globalThis, 'ssi', {value: ssi, enumerable: false});
})
