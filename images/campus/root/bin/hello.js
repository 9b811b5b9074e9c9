// Says hello, with the virtual time and the process's own pid.
console.log(`hello from JavaScript: pid ${ssi.getpid()}, t=${ssi.time().toFixed(3)} s`);
