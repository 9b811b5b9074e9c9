// The writer of bench fuzz's crash campaign: rewrites files again and again, each version whole and
// self-describing, and reports each close; before that, leaves two files open for writing that it
// never closes (a new one, and one it closed once), as a process does when its JVM is killed.
// usage: writer.js ROUND ID DIR
const [round, id, dir] = ssi.args;
const content = (path, v) => {
    const size = (v * 7919 + Number(id) * 104729) % 200000;
    return `${path} ${round} ${v} ${size}\n${String.fromCharCode(97 + (v + 26) % 26).repeat(size)}\nend ${round} ${v}\n`;
};
const write = (path, v) => {
    const fd = ssi.open(path, 'w');
    ssi.write(fd, content(path, v));
    ssi.close(fd);
    console.log(`closed ${path} ${round} ${v}`);
};

const fresh = `${dir}/open-${round}-${id}`;
ssi.write(ssi.open(fresh, 'w'), 'written, never closed\n');
console.log(`opened ${fresh}`);
const kept = `${dir}/kept-${id}`;
write(kept, -1);
ssi.write(ssi.open(kept, 'w'), 'written after its last close, never closed\n');
for (let v = 0; ; v++) {
    write(`${dir}/f${id}-${v % 4}`, v);
}
