#!/usr/bin/env node
// A Node-style program: relative requires, JSON, a node_modules package, a require cycle, argv, exit status.
'use strict';
const { greet } = require('./lib/greet');
const config = require('./config.json');
const shapes = require('shapes');
const a = require('./cycle/a');
const path = require('node:path');
const util = require('util');

console.log(greet(process.argv[2] || 'nobody'), config.name, config.sizes.length);
console.log('area', shapes.area(3), 'cycle', a.seen, util.inspect({ sizes: config.sizes, nested: { deep: { deeper: {} } } }));
console.log('argv', process.argv.slice(2), path.basename(__filename), __dirname, require.main === module);

let acc = 0;
for (let i = 0; i < 300000; i++) {
    acc = (acc * 31 + i) % 1000003;
}
const late = require('./late'); // loaded after the test migrated the process: through its deputy, from its home's disk
console.log('late', late.value, 'on', ssi.where(), 'acc', acc);
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => { process.exitCode = Number(process.argv[3] || 0); }, 5);
