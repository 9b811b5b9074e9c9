// Evaluates to a function that makes a fresh context a Node-like process: the `ssi` system calls,
// `process`, `console`, timers, virtual clocks, seeded random numbers and Node's built-in modules
// (loaded on first require). It returns the runtime's side of the program: how to run its main
// module and its event loop. Internal code: its statements are not counted as the guest's work.
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
    VirtualDate.now = () => Math.floor(nowMs());
    VirtualDate.UTC = RealDate.UTC;
    VirtualDate.parse = RealDate.parse;
    Object.defineProperty(RealDate.prototype, 'constructor', {value: VirtualDate, writable: true, configurable: true});
    globalThis.Date = VirtualDate;
    const hidden = (name, value) => Object.defineProperty(globalThis, name, {value, writable: true, configurable: true, enumerable: false});
    Math.random = () => sys.random();
    if (typeof queueMicrotask !== 'function') {
        hidden('queueMicrotask', (fn) => { Promise.resolve().then(fn); });
    }

    // A refused system call reaches us as the host's SyscallException: make it a Node-style Error.
    const translate = (e) => {
        if (e !== null && typeof e === 'object' && typeof e.code === 'function' && typeof e.text === 'function') {
            const err = new Error(e.text());
            err.code = e.code();
            err.errno = -e.number();
            err.syscall = e.call();
            return err;
        }
        return e;
    };
    // An argument the host cannot take (a string for a pid, ...) is the caller's TypeError, as Node says it.
    const badArguments = (name, args) => {
        const err = new TypeError(`ssi.${name}: invalid arguments (${args.map(a => typeof a === 'string' ? JSON.stringify(a) : typeof a).join(', ')})`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        return err;
    };
    const call = (name, f) => function (...args) {
        try {
            return f(...args);
        } catch (e) {
            if (e instanceof TypeError && /invokeMember|Java type|Cannot convert/.test(String(e.message))) {
                throw badArguments(name, args);
            }
            throw translate(e);
        }
    };

    // The terminal as console and process.stdout write it: a pipe no one reads any more is Node's EPIPE error.
    const print = call('write', (fd, text) => sys.write(fd, text));

    const argv = Array.from(sys.args(), String);
    const ssi = Object.freeze({
        args: Object.freeze(argv.slice()),
        getpid: () => sys.getpid(),
        getppid: () => sys.getppid(),
        time: () => sys.time(),
        spawn: call('spawn', (path, args = [], {stdin = -1, stdout = -1, fds = []} = {}) => sys.spawn(String(path), Array.from(args, String), stdin, stdout, Array.from(fds))),
        wait: call('wait', (pid) => sys.wait(pid)),
        waitinfo: call('waitinfo', (pid) => { const e = sys.waitinfo(pid); return {status: e.status, cpu: e.cpu, work: Number(e.work), nmigs: e.nmigs, forwarded: Number(e.forwarded)}; }),
        sleep: call('sleep', (seconds) => sys.sleep(Number(seconds))),
        exit: call('exit', (status = 0) => sys.exit(status)),
        where: () => sys.where(),
        migrate: call('migrate', (target) => sys.migrate(target)),
        lock: call('lock', (locked = true) => sys.lock(Boolean(locked))),
        alloc: call('alloc', (bytes) => sys.alloc(Number(bytes))),
        free: call('free', (handle) => sys.free(handle)),
        touch: call('touch', (handle, offset = 0, length = -1) => sys.touch(handle, Number(offset), Number(length))),
        shmget: call('shmget', (key, bytes) => sys.shmget(key, Number(bytes))),
        shmat: call('shmat', (id) => sys.shmat(id)),
        shmdt: call('shmdt', (id) => sys.shmdt(id)),
        shmread: call('shmread', (id, offset, length) => sys.shmread(id, Number(offset), Number(length))),
        shmwrite: call('shmwrite', (id, offset, text) => sys.shmwrite(id, Number(offset), String(text))),
        pipe: call('pipe', () => Array.from(sys.pipe())),
        send: call('send', (pid, data) => sys.send(pid, String(data))),
        recv: call('recv', (timeout = -1) => { const m = sys.recv(Number(timeout)); return m === null ? null : {from: m.from, data: String(m.data)}; }),
        direct: call('direct', (on = true) => sys.direct(Boolean(on))),
        checkpoint: call('checkpoint', (state) => sys.checkpoint(String(state))),
        restored: () => { const s = sys.restored(); return s === null ? null : String(s); },
        kill: call('kill', (pid, signal = 'SIGTERM') => sys.kill(pid, signal)),
        signal: call('signal', (signal, handler = null) => sys.signal(signal, handler)),
        open: call('open', (path, mode = 'r') => sys.open(String(path), String(mode))),
        read: call('read', (fd, max = -1) => sys.read(fd, Number(max))),
        write: call('write', (fd, text) => sys.write(fd, String(text))),
        close: call('close', (fd) => sys.close(fd)),
        stat: call('stat', (path) => { const s = sys.stat(String(path)); return {size: Number(s.size), isDirectory: Boolean(s.isDirectory), mtime: Number(s.mtime)}; }),
        listdir: call('listdir', (path = '.') => Array.from(sys.listdir(String(path)), String)),
        unlink: call('unlink', (path) => sys.unlink(String(path))),
        mkdir: call('mkdir', (path) => sys.mkdir(String(path))),
    });
    hidden('ssi', ssi);

    // ---- Node's built-in modules: each is internal code of ssi's, evaluated on its first require ----
    const cores = new Map();
    const internals = {sys, ssi, call, translate, nowMs};
    const aliases = {
        'fs/promises': () => core('fs').promises,
        'path/posix': () => core('path'),
        'assert/strict': () => core('assert').strict,
        'util/types': () => core('util').types,
        'process': () => process,
        'console': () => console,
        'timers': () => ({setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate}),
        'timers/promises': () => ({
            setTimeout: (ms, value) => new Promise(resolve => setTimeout(() => resolve(value), ms)),
            setImmediate: (value) => new Promise(resolve => setImmediate(() => resolve(value))),
        }),
        'perf_hooks': () => ({performance}),
    };
    function core(name) {
        name = name.startsWith('node:') ? name.slice(5) : name;
        if (aliases[name]) {
            return aliases[name]();
        }
        let m = cores.get(name);
        if (m === undefined) {
            let factory;
            try {
                factory = sys.nodeModule(name);
            } catch (e) { // ssi has no such built-in: the error names it and says what ssi offers instead
                const err = new Error(typeof e.text === 'function' ? e.text() : String(e));
                err.code = 'MODULE_NOT_FOUND';
                throw err;
            }
            m = {exports: {}};
            cores.set(name, m);
            factory(m, m.exports, core, internals);
        }
        return m.exports;
    }
    internals.core = core;
    // The stubs GraalJS's require loads for a built-in (`require('fs')`) ask for it here.
    Object.defineProperty(globalThis, Symbol.for('ssi.node'), {value: core});

    // ---- process ----
    const listeners = new Map(); // process's own events: 'exit', 'beforeExit', 'uncaughtException' are the ones it emits
    const on = (event, fn) => { (listeners.get(event) || listeners.set(event, []).get(event)).push(fn); return process; };
    const emit = (event, ...args) => {
        const fns = listeners.get(event);
        if (!fns || fns.length === 0) {
            return false;
        }
        for (const fn of fns.slice()) {
            fn.apply(process, args);
        }
        return true;
    };
    const writer = (fd) => ({
        fd,
        isTTY: false,
        write(chunk, encoding, cb) {
            print(fd, typeof chunk === 'string' ? chunk : String(chunk));
            const done = typeof encoding === 'function' ? encoding : cb;
            if (typeof done === 'function') {
                queueMicrotask(done);
            }
            return true;
        },
        end(chunk) {
            if (chunk !== undefined) {
                this.write(chunk);
            }
        },
        on() { return this; },
        once() { return this; },
    });
    let exiting = false;
    const env = {};
    const hostEnv = sys.environment();
    for (const k of Object.keys(hostEnv)) {
        env[k] = String(hostEnv[k]);
    }
    const process = {
        title: 'ssi',
        argv: ['ssi', sys.path(), ...argv],
        argv0: 'ssi',
        execArgv: [],
        execPath: '/bin/ssi',
        env,
        pid: sys.getpid(),
        get ppid() { return sys.getppid(); },
        platform: 'linux',
        arch: 'x64',
        version: 'v20.0.0',
        versions: {node: '20.0.0', ssi: sys.version()},
        release: {name: 'node'},
        exitCode: undefined,
        stdout: writer(1),
        stderr: writer(2),
        cwd: () => sys.cwd(),
        chdir: call('chdir', (dir) => sys.chdir(String(dir))),
        exit(code) {
            if (code !== undefined) {
                process.exitCode = code;
            }
            const status = exitStatus();
            if (!exiting) {
                exiting = true;
                emit('exit', status);
            }
            sys.exit(status);
        },
        abort() { sys.exit(134); },
        kill: call('kill', (pid, signal = 'SIGTERM') => { sys.kill(pid, signal); return true; }),
        hrtime: Object.assign((previous) => {
            const ns = Math.round(sys.time() * 1e9);
            let s = Math.floor(ns / 1e9), n = ns % 1e9;
            if (previous) {
                s -= previous[0];
                n -= previous[1];
                if (n < 0) {
                    s--;
                    n += 1e9;
                }
            }
            return [s, n];
        }, {bigint: () => BigInt(Math.round(sys.time() * 1e9))}),
        uptime: () => sys.time() - startedAt,
        memoryUsage: Object.assign(() => ({rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0}), {rss: () => 0}),
        cpuUsage: () => ({user: 0, system: 0}),
        nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
        emitWarning: (w) => print(2, `(node:${sys.getpid()}) ${w instanceof Error ? w.name + ': ' + w.message : 'Warning: ' + w}\n`),
        on,
        addListener: on,
        once: (event, fn) => on(event, function once(...args) { process.off(event, once); fn.apply(process, args); }),
        off(event, fn) {
            const fns = listeners.get(event);
            if (fns && fns.indexOf(fn) >= 0) {
                fns.splice(fns.indexOf(fn), 1);
            }
            return process;
        },
        removeAllListeners(event) { event === undefined ? listeners.clear() : listeners.delete(event); return process; },
        listenerCount: (event) => (listeners.get(event) || []).length,
        emit,
    };
    process.removeListener = process.off;
    const startedAt = sys.time();
    const exitStatus = () => {
        const c = process.exitCode === undefined ? 0 : Number(process.exitCode);
        return Number.isInteger(c) ? c & 0xff : 1;
    };
    hidden('process', process);

    // ---- console: Node's formatting (util.format, util.inspect) ----
    const plain = (args) => args.every(a => typeof a === 'string') && (args.length === 0 || !args[0].includes('%'));
    const format = (args) => plain(args) ? args.join(' ') : core('util').format(...args);
    const counts = new Map(), timers0 = new Map();
    let group = '';
    const log = (fd) => (...args) => {
        const text = format(args);
        print(fd, (group ? text.replace(/^/gm, group) : text) + '\n');
    };
    const console = {
        log: log(1), info: log(1), debug: log(1),
        error: log(2), warn: log(2),
        trace: (...args) => log(2)('Trace' + (args.length ? ': ' + format(args) : '') + '\n' + new Error().stack.split('\n').slice(2).join('\n')),
        dir: (obj, options) => log(1)(core('util').inspect(obj, options)),
        assert: (ok, ...args) => { if (!ok) log(2)('Assertion failed' + (args.length ? ': ' + format(args) : '')); },
        count: (label = 'default') => { counts.set(label, (counts.get(label) || 0) + 1); log(1)(`${label}: ${counts.get(label)}`); },
        countReset: (label = 'default') => counts.delete(label),
        time: (label = 'default') => timers0.set(label, nowMs()),
        timeEnd: (label = 'default') => { log(1)(`${label}: ${+(nowMs() - timers0.get(label)).toFixed(3)}ms`); timers0.delete(label); },
        timeLog: (label = 'default', ...args) => log(1)(`${label}: ${+(nowMs() - timers0.get(label)).toFixed(3)}ms`, ...args),
        group: (...args) => { if (args.length) log(1)(...args); group += '  '; },
        groupEnd: () => { group = group.slice(2); },
        table: (data) => log(1)(core('util').inspect(data)),
    };
    console.groupCollapsed = console.group;
    hidden('console', console);
    hidden('performance', Object.freeze({now: () => nowMs() - startedAt * 1000, timeOrigin: startedAt * 1000}));

    // ---- timers and the event loop, in virtual time ----
    let seq = 0;
    const pending = []; // timers and immediates, run in order of due time, then of creation
    class Timeout {
        constructor(fn, delay, args, repeat, immediate) {
            this._fn = fn;
            this._args = args;
            this._delay = immediate ? 0 : Math.max(1, Number(delay) || 1);
            this._repeat = repeat;
            this._immediate = immediate;
            this._ref = true;
            this._active = true;
            this._schedule();
        }
        _schedule() {
            this._due = this._immediate ? -Infinity : nowMs() + this._delay;
            this._seq = seq++;
            pending.push(this);
        }
        ref() { this._ref = true; return this; }
        unref() { this._ref = false; return this; }
        hasRef() { return this._ref; }
        refresh() { if (this._active) { this._cancel(); this._active = true; this._schedule(); } return this; }
        close() { this._cancel(); return this; }
        _cancel() {
            this._active = false;
            const i = pending.indexOf(this);
            if (i >= 0) {
                pending.splice(i, 1);
            }
        }
        [Symbol.toPrimitive]() { return this._seq; }
    }
    const byId = (t) => typeof t === 'number' ? pending.find(p => p._seq === t) : t;
    const clear = (t) => { const timer = byId(t); if (timer instanceof Timeout) timer._cancel(); };
    const checked = (fn) => {
        if (typeof fn !== 'function') {
            const e = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
            e.code = 'ERR_INVALID_ARG_TYPE';
            throw e;
        }
        return fn;
    };
    hidden('setTimeout', (fn, delay, ...args) => new Timeout(checked(fn), delay, args, false, false));
    hidden('setInterval', (fn, delay, ...args) => new Timeout(checked(fn), delay, args, true, false));
    hidden('setImmediate', (fn, ...args) => new Timeout(checked(fn), 0, args, false, true));
    hidden('clearTimeout', clear);
    hidden('clearInterval', clear);
    hidden('clearImmediate', clear);

    /** One turn of the event loop: runs the next timer (sleeping in virtual time until it is due); false when nothing keeps the loop alive. */
    function step() {
        if (!pending.some(t => t._ref)) {
            if (!exiting && listeners.has('beforeExit')) {
                const before = pending.length;
                emit('beforeExit', exitStatus());
                if (pending.length > before) {
                    return true;
                }
            }
            return false;
        }
        let next = pending[0];
        for (const t of pending) {
            if (t._due < next._due || t._due === next._due && t._seq < next._seq) {
                next = t;
            }
        }
        const wait = next._due - nowMs();
        if (wait > 0) {
            sys.sleep(wait / 1000);
        }
        next._cancel();
        if (next._repeat) {
            next._active = true;
            next._schedule();
        }
        next._fn(...next._args);
        return true;
    }

    // The names GraalJS defines globally for its CommonJS loader are not Node's globals: the module scope has them.
    // (`require` stays: GraalJS's ES-module loader imports Node's built-ins through it.)
    const require = globalThis.require;
    for (const name of ['module', 'exports', '__filename', '__dirname']) {
        const d = Object.getOwnPropertyDescriptor(globalThis, name);
        if (d !== undefined && d.configurable) {
            delete globalThis[name];
        } else if (d !== undefined && d.writable) {
            globalThis[name] = undefined;
        }
    }
    hidden('global', globalThis);

    return {
        /** Runs a CommonJS main module, given as its wrapper function, with Node's module scope. */
        main(wrapper, filename, dirname) {
            const module = {id: '.', path: dirname, filename, loaded: false, children: [], paths: [], exports: {}};
            module.require = require;
            require.main = module;
            wrapper.call(module.exports, module.exports, require, module, filename, dirname);
            module.loaded = true;
        },
        step,
        /** The exit status once the loop is done; 'exit' listeners run first. */
        status() {
            if (!exiting) {
                exiting = true;
                emit('exit', exitStatus());
            }
            return exitStatus();
        },
        /** Whether a package.json's text marks its folder's .js files as ES modules ("type": "module"). */
        isModulePackage(text) {
            try {
                return JSON.parse(text).type === 'module';
            } catch (e) {
                return false;
            }
        },
        /** How an uncaught error prints: its stack (Node's format) or the thrown value, inspected. */
        describe(thrown) {
            if (thrown instanceof Error && typeof thrown.stack === 'string') {
                const extra = Object.keys(thrown).filter(k => k !== 'stack' && k !== 'message');
                return thrown.stack + (extra.length ? ' ' + core('util').inspect(Object.fromEntries(extra.map(k => [k, thrown[k]]))) : '');
            }
            return 'Uncaught ' + core('util').inspect(thrown);
        },
    };
})
