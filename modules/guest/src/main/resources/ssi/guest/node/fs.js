// Node's `fs`, the synchronous subset, over ssi's file system calls: each read, write and stat is
// a system call that the kernel orders and charges (DFSA, the deputy and MFS apply as for `ssi.open`).
// Contents are text (UTF-8): ssi has no Buffer, so readFileSync returns a string with or without an encoding.
(function (module, exports, require, internals) {
    'use strict';
    const {sys} = internals;

    // A refused call as Node reports it: "ENOENT: no such file or directory, open '/x'".
    function fail(e, syscall, path) {
        if (e !== null && typeof e === 'object' && typeof e.code === 'function' && typeof e.reason === 'function') {
            const err = new Error(`${e.code()}: ${e.reason()}, ${syscall} '${path}'`);
            err.errno = -e.number();
            err.code = e.code();
            err.syscall = syscall;
            err.path = path;
            return err;
        }
        return e;
    }
    function io(syscall, path, body) {
        try {
            return body();
        } catch (e) {
            throw fail(e, syscall, path);
        }
    }
    const pathOf = (p) => {
        if (typeof p === 'string') {
            return p;
        }
        if (typeof URL === 'function' && p instanceof URL && p.protocol === 'file:') {
            return decodeURIComponent(p.pathname);
        }
        const e = new TypeError(`The "path" argument must be of type string or an instance of URL. Received ${p === null ? 'null' : typeof p}`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
    };
    const flagOf = (options, dflt) => (typeof options === 'object' && options !== null && options.flag) || dflt;

    function readFileSync(path, options) {
        path = pathOf(path);
        return io('open', path, () => {
            const fd = sys.open(path, 'r');
            try {
                return sys.read(fd, -1);
            } finally {
                sys.close(fd);
            }
        });
    }

    function writeFileSync(path, data, options) {
        path = pathOf(path);
        const mode = flagOf(options, 'w').startsWith('a') ? 'a' : 'w';
        io('open', path, () => {
            const fd = sys.open(path, mode);
            try {
                sys.write(fd, typeof data === 'string' ? data : String(data));
            } finally {
                sys.close(fd);
            }
        });
    }

    class Stats {
        constructor(s) {
            this.size = Number(s.size);
            this.mtimeMs = Number(s.mtime) * 1000;
            this.mtime = new Date(this.mtimeMs);
            this.atimeMs = this.ctimeMs = this.birthtimeMs = this.mtimeMs;
            this.atime = this.ctime = this.birthtime = this.mtime;
            Object.defineProperty(this, '_dir', {value: Boolean(s.isDirectory)});
        }
        isFile() { return !this._dir; }
        isDirectory() { return this._dir; }
        isSymbolicLink() { return false; }
    }

    function statSync(path, options) {
        path = pathOf(path);
        try {
            return new Stats(sys.stat(path));
        } catch (e) {
            if (options && options.throwIfNoEntry === false && typeof e.code === 'function' && e.code() === 'ENOENT') {
                return undefined;
            }
            throw fail(e, 'stat', path);
        }
    }

    function existsSync(path) {
        try {
            sys.stat(pathOf(path));
            return true;
        } catch (e) {
            return false;
        }
    }

    function readdirSync(path, options) {
        path = pathOf(path);
        const names = io('scandir', path, () => Array.from(sys.listdir(path), String));
        if (options && options.withFileTypes) {
            return names.map(name => {
                const dir = statSync(path.endsWith('/') ? path + name : `${path}/${name}`).isDirectory();
                return {name, isFile: () => !dir, isDirectory: () => dir, isSymbolicLink: () => false};
            });
        }
        return names;
    }

    function mkdirSync(path, options) {
        path = pathOf(path);
        const recursive = typeof options === 'object' && options !== null && options.recursive;
        if (!recursive) {
            io('mkdir', path, () => sys.mkdir(path));
            return undefined;
        }
        const abs = require('path').resolve(path);
        let first;
        let at = '';
        for (const part of abs.split('/').filter(Boolean)) {
            at += '/' + part;
            if (!existsSync(at)) {
                io('mkdir', at, () => sys.mkdir(at));
                first = first || at;
            }
        }
        return first;
    }

    function unlinkSync(path) {
        path = pathOf(path);
        io('unlink', path, () => sys.unlink(path));
    }

    function rmSync(path, options) {
        path = pathOf(path);
        const force = options && options.force;
        if (!existsSync(path)) {
            if (force) {
                return;
            }
            return unlinkSync(path);
        }
        if (statSync(path).isDirectory()) {
            if (!(options && options.recursive)) {
                const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
                e.code = 'ERR_FS_EISDIR';
                throw e;
            }
            for (const name of readdirSync(path)) {
                rmSync(`${path}/${name}`, options);
            }
        }
        unlinkSync(path);
    }

    const callback = (fn) => (...args) => {
        const cb = args.pop();
        let result, error = null;
        try {
            result = fn(...args);
        } catch (e) {
            error = e;
        }
        queueMicrotask(() => cb(error, result));
    };
    const promised = (fn) => (...args) => new Promise((resolve) => resolve(fn(...args)));

    const sync = {readFileSync, writeFileSync, appendFileSync: (p, d, o) => writeFileSync(p, d, Object.assign({}, o, {flag: 'a'})),
        existsSync, statSync, lstatSync: statSync, readdirSync, mkdirSync, unlinkSync, rmSync, rmdirSync: unlinkSync};
    Object.assign(exports, sync, {Stats, constants: {F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1}});
    const names = {readFile: readFileSync, writeFile: writeFileSync, appendFile: sync.appendFileSync, stat: statSync, lstat: statSync,
        readdir: readdirSync, mkdir: mkdirSync, unlink: unlinkSync, rm: rmSync, rmdir: unlinkSync};
    exports.promises = {};
    for (const [name, fn] of Object.entries(names)) {
        exports[name] = callback(fn);
        exports.promises[name] = promised(fn);
    }
    exports.exists = (p, cb) => queueMicrotask(() => cb(existsSync(p)));
})
