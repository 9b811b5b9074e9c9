// I/O-intensive (the seed paper's Figure 4): reads a file again and again, 64 KB at a time,
// creating it first if it is missing. usage: reader.js PATH [KB (default 1024)] [PASSES (default: forever)]
const [path, kb = '1024', passes = '-1'] = ssi.args;
try {
    ssi.stat(path);
} catch (e) {
    const fd = ssi.open(path, 'w');
    ssi.write(fd, 'r'.repeat(Number(kb) * 1024));
    ssi.close(fd);
}
for (let pass = 0; Number(passes) < 0 || pass < Number(passes); pass++) {
    const fd = ssi.open(path, 'r');
    while (ssi.read(fd, 65536).length > 0) {
        // the next block
    }
    ssi.close(fd);
}
console.log(`read ${path} ${passes} times`);
