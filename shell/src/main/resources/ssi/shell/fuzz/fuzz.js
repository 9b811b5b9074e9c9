// The guest half of ssi's fuzz suite (FuzzTest, bench fuzz): calls every ssi function (and writes
// /proc files) with arguments drawn from a seed, half of them plausible, half anything JavaScript
// has, and prints one line per call for the host to check:
//   #fuzz# I NAME ok | err KIND CODE MESSAGE ARGS | watchdog
// usage: fuzz.js SEED CALLS
'use strict';
const [seed, calls] = ssi.args.map(Number);
let state = seed >>> 0;
function random() { // mulberry32: the same draws for the same seed
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// The host sends SIGALRM to a call blocked too long (a sleep past the clock's end, a read of a pipe
// only this process writes): its handler makes the call throw this.
const WATCHDOG = 'fuzz: stopped by the watchdog';
const watchdog = () => { throw new Error(WATCHDOG); };
ssi.signal('SIGALRM', watchdog);

const long = 'y'.repeat(5000);
const anything = [
    0, -0, 1, -1, 2, 3, 7, 42, 0.5, -2.5, 1e-9, NaN, Infinity, -Infinity, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53,
    -(2 ** 53), 1e308, 5e-324, 10n, -(2n ** 70n),
    '', ' ', 'a', '0', '1', '-1', 'NaN', '1e400', '0x10', '\0', 'a\0b', '\n', '\r\n', '\u00e9t\u00e9', '\u65e5\u672c', '\ud83d\ude00',
    '\ud800', '\udfff', '\u202e', long, '../../../../etc/passwd', '/', '/home', '/home/fz', '/proc/self/where', '/proc/1/stat',
    '/proc/mosix/admin/block', '/bin/hello.js', 'hello.js', '/mfs/2/fz', '/mfs/99/x', 'home', 'balance', 'node2', 'SIGKILL', 'TERM',
    'usr1', 'r', 'w', 'a', 'rw', '%s%d', '${x}', '"\'', '\\',
    null, undefined, true, false,
    [], [1], ['a', 'b'], [null], [[1]], new Array(3), [long], {length: 2 ** 32},
    {}, {stdin: 3}, {stdout: 'x', fds: [1, 2]}, {fds: 5}, {toString() { return 'home'; }}, {valueOf() { return 2; }},
    {toString() { throw new RangeError('hostile toString'); }}, Object.create(null),
    () => 1, function hostile() { throw new Error('hostile function'); }, class K {}, Symbol('s'), new Date(0), /re/, new Map([[1, 2]]),
    new Proxy({}, {get() { throw new TypeError('hostile proxy'); }}), Promise.resolve(1), new Uint8Array(4),
];

// What earlier calls returned, for later ones to use; and plausible arguments by kind.
const made = {pids: [], blocks: [], fds: [], shm: []};
const plausible = {
    pid: () => pick([...made.pids, ssi.getpid() + 1, 1, 2, 999999, 0, -1]),
    node: () => pick([1, 2, 3, 4, 5, 'home', 'node3', 'balance', 6, 0, '1']),
    bytes: () => pick([1, 4096, 1 << 20, 64 << 20, 1 << 30, 0, 2 ** 40]),
    block: () => pick([...made.blocks, 0, 1, 99]),
    fd: () => pick([...made.fds, ...made.fds, 0, 1, 2, 3, 99, -1]),
    shm: () => pick([...made.shm, 0, 1, 99]),
    seconds: () => pick([0, 0.001, 0.01, 0.05, 1e9]),
    path: () => pick(['/home/fz/a', '/home/fz/b/c', '/home/fz/b', '/tmp/fz', '/home/fz', '/mfs/2/fz', '/mfs/3/home/x', '/bin/hello.js',
        '/proc/self/where', '/proc/self/stat', '/proc/mosix/admin/block', '/proc/mosix/nodes/1/load', 'rel', '../../..', '/bin',
        '/home/fz/' + 'n'.repeat(300), '/home/fz/\u00e9']),
    mode: () => pick(['r', 'w', 'a', 'x', '', 'r+']),
    text: () => pick(['', 'a', 'hello\n', '\u00e9', '\ud800', long, '1', 'home', '2', '0']),
    signal: () => pick(['SIGTERM', 'TERM', 'SIGUSR1', 'USR2', 'SIGHUP', 'SIGINT', 'SIGSTOP', 'SIGCONT', 'SIGCHLD', 'SIGPIPE', 'SIGKILL',
        'SIGALRM', 9, 15, 0, 99, 'bogus', 'sigterm']),
    handler: () => pick([null, () => {}, (name) => { made.caught = name; }, () => { throw new Error('hostile handler'); }]),
    list: () => pick([[], ['1'], [1, 2], ['x'.repeat(1000)], ['a', null]]),
    options: () => pick([{}, {stdin: plausible.fd()}, {stdout: plausible.fd()}, {fds: [plausible.fd()]}, {stdin: 0, stdout: 1}]),
    program: () => pick(['/bin/hello.js', 'hello.js', '/bin/hello.js', '/bin/nope.js', '/home', '/proc/self/stat', '/bin/lib', '']),
    key: () => pick([1, 42, 7, 0, -1]),
    offset: () => pick([0, 1, 100, 4095, 4096, -1, 2 ** 31]),
    flag: () => pick([true, false, 1, 0]),
    state: () => pick(['{}', 'x', long]),
    procfile: () => pick(['/proc/self/where', '/proc/self/goto', '/proc/self/lock', '/proc/self/stat', '/proc/1/where', '/proc/2/lock',
        '/proc/mosix/admin/block', '/proc/mosix/admin/speed', '/proc/mosix/admin/max-processes', '/proc/mosix/nodes/2/speed',
        '/proc/mosix/nodes/9/load', '/proc/999/where', '/proc/self/bogus', '/proc']),
    procvalue: () => pick(['home', '1', '2', '3', '0', '9', 'balance', 'banana', '', '1.5', '99999999999999999999', '-1', '\0']),
};

// Each call and the kinds of its arguments; 'proc' writes a /proc file through open, write and close.
const table = {
    getpid: [], getppid: [], time: [], where: [], restored: [], pipe: [],
    spawn: ['program', 'list', 'options'], wait: ['pid'], waitinfo: ['pid'], sleep: ['seconds'],
    migrate: ['node'], lock: ['flag'], alloc: ['bytes'], free: ['block'], touch: ['block', 'offset', 'bytes'],
    shmget: ['key', 'bytes'], shmat: ['shm'], shmdt: ['shm'], shmread: ['shm', 'offset', 'offset'], shmwrite: ['shm', 'offset', 'text'],
    open: ['path', 'mode'], read: ['fd', 'offset'], write: ['fd', 'text'], close: ['fd'],
    stat: ['path'], listdir: ['path'], unlink: ['path'], mkdir: ['path'],
    send: ['pid', 'text'], recv: ['seconds'], direct: ['flag'], kill: ['pid', 'signal'], signal: ['signal', 'handler'],
    checkpoint: ['state'], proc: ['procfile', 'procvalue'],
};
const names = Object.keys(table);

function draw(name) {
    if (random() < 0.2) { // any number of anything
        return Array.from({length: Math.floor(random() * 5)}, () => pick(anything));
    }
    return table[name].map(kind => random() < 0.5 ? plausible[kind]() : pick(anything));
}

// Arguments that would end or freeze this process, or cut the host's view of it, are moved aside:
// a signal to itself, closing its stdout or stderr.
function spare(name, args) {
    if (name === 'kill' && (typeof args[0] === 'number' || typeof args[0] === 'bigint') && Number(args[0]) === ssi.getpid()) {
        args[0] = 999999;
    }
    if (name === 'close' && (args[0] === 1 || args[0] === 2)) {
        args[0] = 99;
    }
    return args;
}

function proc(file, value) {
    const fd = ssi.open(file, 'w');
    try {
        ssi.write(fd, value);
    } finally {
        ssi.close(fd);
    }
}

function keep(name, result) {
    const list = {spawn: made.pids, alloc: made.blocks, open: made.fds, shmget: made.shm}[name];
    if (list && typeof result === 'number') {
        list.push(result);
    } else if (name === 'pipe' && Array.isArray(result)) {
        made.fds.push(...result);
    }
}

const show = (v) => {
    try {
        return typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v);
    } catch (e) {
        return '?';
    }
};
// An error's kind: its constructor's name, marked ! if it is not an Error at all (a host object would be).
const kind = (e) => {
    try {
        return e !== null && typeof e === 'object' ? `${e.constructor === undefined ? 'none' : e.constructor.name}${e instanceof Error ? '' : '!'}`
            : `${typeof e}!`;
    } catch (x) {
        return 'unreadable!';
    }
};
const say = (text) => ssi.write(1, `\n#fuzz# ${text}\n`);

for (let i = 0; i < calls; i++) {
    const name = pick(names);
    const args = spare(name, draw(name));
    let outcome = 'ok';
    try {
        keep(name, name === 'proc' ? proc(...args) : ssi[name](...args));
    } catch (e) {
        outcome = e instanceof Error && e.message === WATCHDOG ? 'watchdog'
            : `err ${kind(e)} ${show(e && e.code)} ${show(String(e && e.message))} ${show(args).slice(0, 120)}`;
    } finally {
        if (name === 'signal') {
            ssi.signal('SIGALRM', watchdog);
        }
    }
    say(`${i} ${name} ${outcome}`);
}
const status = pick([0, 1, 3, 255, 256, -1, 'x', NaN, null, 2 ** 31, 1.5]);
say(`done ${show(status)}`);
try {
    ssi.exit(status);
} catch (e) {
    say(`${calls} exit err ${kind(e)} ${show(e && e.code)} ${show(String(e && e.message))}`);
}
