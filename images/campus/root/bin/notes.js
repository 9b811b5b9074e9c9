// Appends a line to FILE and prints the whole file: run by mosrc on other entities' nodes, FILE
// (on /home or /tmp) stays on the launching node, so every job sees what the others wrote.
// usage: notes.js FILE TEXT
const [file, text] = ssi.args;
const out = ssi.open(file, 'a');
ssi.write(out, `${text} (written at node ${ssi.where()})\n`);
ssi.close(out);
const fd = ssi.open(file, 'r');
let all = '';
for (let block = ssi.read(fd, 65536); block.length > 0; block = ssi.read(fd, 65536)) {
    all += block;
}
ssi.close(fd);
console.log(all.trimEnd());
