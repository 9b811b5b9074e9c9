// A child that ends long before its parent waits for it: a zombie meanwhile.
const kid = ssi.spawn('/bin/hello.js', []);
ssi.sleep(1);
console.log(`child ${kid} exited with status ${ssi.wait(kid)}`);
