// Tries every way out of the sandbox; prints one line per attempt.
const attempts = {
    hostClass: () => Java.type('java.lang.System'),
    polyglotEval: () => Polyglot.eval('python', '1'),
    load: () => load('/etc/passwd'),
    hostFile: () => require('fs').readFileSync('/etc/passwd'), // Node's fs reaches the cluster's files only
    requireHost: () => require('/etc/hostname'),
    thread: () => new (Java.type('java.lang.Thread'))(),
};
for (const [name, f] of Object.entries(attempts)) {
    try { f(); console.log(`${name}: ALLOWED`); } catch (e) { console.log(`${name}: refused`); }
}
