// Node's `path` (POSIX): the cluster's namespace has Unix paths; resolve() starts from the process's working directory.
(function (module, exports, require, internals) {
    'use strict';
    const check = (p, name = 'path') => {
        if (typeof p !== 'string') {
            const e = new TypeError(`The "${name}" argument must be of type string. Received ${p === null ? 'null' : typeof p}`);
            e.code = 'ERR_INVALID_ARG_TYPE';
            throw e;
        }
        return p;
    };

    // Collapses '.', '..' and repeated slashes; '..' above the root of an absolute path stays at the root.
    function normalizeParts(path, absolute) {
        const out = [];
        for (const part of path.split('/')) {
            if (part === '' || part === '.') {
                continue;
            }
            if (part === '..') {
                if (out.length > 0 && out[out.length - 1] !== '..') {
                    out.pop();
                } else if (!absolute) {
                    out.push('..');
                }
            } else {
                out.push(part);
            }
        }
        return out.join('/');
    }

    function normalize(path) {
        check(path);
        if (path === '') {
            return '.';
        }
        const absolute = path.startsWith('/');
        const trailing = path.endsWith('/');
        let p = normalizeParts(path, absolute);
        if (p === '' && !absolute) {
            p = '.';
        }
        if (p !== '' && trailing) {
            p += '/';
        }
        return absolute ? '/' + p : p;
    }

    function resolve(...paths) {
        let resolved = '';
        let absolute = false;
        for (let i = paths.length - 1; i >= -1 && !absolute; i--) {
            const p = i >= 0 ? check(paths[i], `paths[${i}]`) : process.cwd();
            if (p === '') {
                continue;
            }
            resolved = `${p}/${resolved}`;
            absolute = p.startsWith('/');
        }
        resolved = normalizeParts(resolved, absolute);
        return absolute ? `/${resolved}` : resolved.length > 0 ? resolved : '.';
    }

    function join(...paths) {
        const parts = paths.map((p, i) => check(p, `paths[${i}]`)).filter(p => p.length > 0);
        return parts.length === 0 ? '.' : normalize(parts.join('/'));
    }

    function relative(from, to) {
        check(from, 'from');
        check(to, 'to');
        const f = resolve(from).split('/').filter(Boolean);
        const t = resolve(to).split('/').filter(Boolean);
        let i = 0;
        while (i < f.length && i < t.length && f[i] === t[i]) {
            i++;
        }
        return [...Array(f.length - i).fill('..'), ...t.slice(i)].join('/');
    }

    function dirname(path) {
        check(path);
        if (path === '') {
            return '.';
        }
        const absolute = path.startsWith('/');
        let end = path.length;
        while (end > 1 && path[end - 1] === '/') {
            end--;
        }
        const slash = path.lastIndexOf('/', end - 1);
        if (slash < 0) {
            return absolute ? '/' : '.';
        }
        let d = path.slice(0, slash);
        while (d.length > 1 && d.endsWith('/')) {
            d = d.slice(0, -1);
        }
        return d === '' ? '/' : d;
    }

    function basename(path, ext) {
        check(path);
        let end = path.length;
        while (end > 0 && path[end - 1] === '/') {
            end--;
        }
        let base = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
        if (ext !== undefined && base.endsWith(check(ext, 'ext')) && base !== ext) {
            base = base.slice(0, base.length - ext.length);
        }
        return base;
    }

    function extname(path) {
        const base = basename(path);
        const dot = base.lastIndexOf('.');
        return dot <= 0 ? '' : base.slice(dot);
    }

    function parse(path) {
        check(path);
        const root = path.startsWith('/') ? '/' : '';
        const base = basename(path);
        const ext = extname(path);
        const dir = path.includes('/') ? dirname(path) : '';
        return {root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base};
    }

    function format(p) {
        const dir = p.dir || p.root || '';
        const base = p.base || `${p.name || ''}${p.ext || ''}`;
        return dir === '' ? base : dir === p.root ? `${dir}${base}` : `${dir}/${base}`;
    }

    const path = {
        sep: '/',
        delimiter: ':',
        normalize,
        resolve,
        join,
        relative,
        dirname,
        basename,
        extname,
        parse,
        format,
        isAbsolute: (p) => check(p).startsWith('/'),
        toNamespacedPath: (p) => p,
    };
    path.posix = path;
    module.exports = path;
})
