// Writes its stdout (a pipe) after its reader has gone: console.log throws Node's EPIPE error.
ssi.sleep(0.1);
try {
    console.log('after the reader');
} catch (e) {
    console.error(`${e.constructor.name} ${e.code}: ${e.message}`);
}
