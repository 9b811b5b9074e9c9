// Two processes share a file: share.js writer PATH appends a, b, c at 0, 10 and 20 ms, keeping
// the file open; share.js reader PATH reads it whole at 5, 15 and 25 ms and prints what it saw.
const [role, path] = ssi.args;
if (role === 'writer') {
    const fd = ssi.open(path, 'a');
    for (const letter of ['a', 'b', 'c']) {
        ssi.write(fd, letter);
        ssi.sleep(0.010);
    }
    ssi.close(fd);
} else {
    ssi.sleep(0.005);
    for (let i = 0; i < 3; i++) {
        const fd = ssi.open(path, 'r');
        console.log(ssi.read(fd, -1));
        ssi.close(fd);
        ssi.sleep(0.010);
    }
}
