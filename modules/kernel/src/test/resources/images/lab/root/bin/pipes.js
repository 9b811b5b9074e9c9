// Writes three 1000-byte chunks, 10 ms apart, into a pipe read by pipecat.js; prints when each write began.
// usage: pipes.js [WRITER_NODE] [READER_NODE]: each side migrates there first (default: stays home)
const [writerNode, readerNode] = ssi.args;
const [r, w] = ssi.pipe();
const child = ssi.spawn('pipecat.js', readerNode ? [readerNode] : [], {stdin: r});
ssi.close(r);
if (writerNode) ssi.migrate(writerNode);
ssi.sleep(0.1); // the reader is waiting by now (a migration takes 67 ms on the lab network)
for (let i = 0; i < 3; i++) {
    const t = Math.round(ssi.time() * 1e9);
    ssi.write(w, String(i).repeat(1000));
    console.log(`write ${t}`);
    ssi.sleep(0.01);
}
ssi.close(w);
console.log(`child ${ssi.wait(child)}`);
