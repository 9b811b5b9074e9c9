// Shares a segment with a child: usage: shmshare.js (parent) | shmshare.js child ID
if (ssi.args[0] === 'child') {
    const id = Number(ssi.args[1]);
    ssi.shmat(id);
    const seen = ssi.shmread(id, 0, 5);
    ssi.shmwrite(id, 5, ' back');
    console.log(`child saw '${seen}'`);
} else {
    const id = ssi.shmget(42, 16);
    ssi.shmat(id);
    ssi.shmwrite(id, 0, 'hello');
    ssi.wait(ssi.spawn('shmshare.js', ['child', id]));
    console.log(`parent sees '${ssi.shmread(id, 0, 10)}'`);
    ssi.shmdt(id);
}
