// Node's `os`: the node the process runs on now, as ssi's kernel describes it (never the host's).
(function (module, exports, require, internals) {
    'use strict';
    const {sys} = internals;
    const node = () => sys.node();
    Object.assign(exports, {
        EOL: '\n',
        devNull: '/dev/null',
        platform: () => 'linux',
        type: () => 'Linux',
        arch: () => 'x64',
        machine: () => 'x86_64',
        release: () => `ssi-${sys.version()}`,
        version: () => `ssi ${sys.version()}`,
        hostname: () => node().name,
        homedir: () => '/home',
        tmpdir: () => '/tmp',
        endianness: () => 'LE',
        uptime: () => sys.time(),
        totalmem: () => node().memory,
        freemem: () => node().free,
        availableParallelism: () => node().cpus,
        cpus: () => Array.from({length: node().cpus}, () => ({model: `ssi node (speed ${node().speed})`, speed: Math.round(node().speed * 1000),
            times: {user: 0, nice: 0, sys: 0, idle: 0, irq: 0}})),
        loadavg: () => [node().load, node().load, node().load],
        networkInterfaces: () => ({}),
        userInfo: () => ({username: process.env.USER || 'user', uid: 1000, gid: 1000, shell: null, homedir: '/home'}),
        constants: {signals: {}, errno: {}},
    });
})
