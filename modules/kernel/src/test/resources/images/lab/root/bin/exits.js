console.log("before");
ssi.exit(3);
console.log("never");
