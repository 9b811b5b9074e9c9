// Benchmark "json": generates JSON texts, parses them with a hand-written parser, pretty-prints and re-parses them.
// usage: main.js [DOCUMENTS]   (default 20000)
const { Lcg, Checksum } = require('../lib/rng');
const { DocumentGenerator } = require('./generate');
const { Parser, Printer } = require('./parser');

const count = Number(process.argv[2] || 20000);
const gen = new DocumentGenerator(new Lcg(7));
const compact = new Printer(0);
const pretty = new Printer(2);
const sum = new Checksum();
let nodes = 0, inChars = 0, outChars = 0, lines = 0;

for (let k = 0; k < count; k++) {
    const text = gen.document(1000);
    const tree = new Parser(text).parseDocument();
    const printed = pretty.print(tree);
    const again = new Parser(printed).parseDocument();
    if (!tree.equals(again) || compact.print(again) !== text) {
        console.error(`self-check failed: document ${k} does not round-trip`);
        process.exit(1);
    }
    nodes += tree.count();
    inChars += text.length;
    outChars += printed.length;
    lines += printed.split('\n').length;
    sum.add(printed.length).add(tree.count());
    if (k % 100 === 0) sum.addString(printed);
    if (k === 0) console.log(`first document: ${text.slice(0, 80)}...`);
}

console.log(`json: ${count} documents, ${nodes} nodes, ${inChars} chars in, ${outChars} chars pretty, ${lines} lines`);
console.log(`checksum ${sum.value}`);
