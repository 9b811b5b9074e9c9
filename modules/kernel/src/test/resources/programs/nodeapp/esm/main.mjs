// An ES module: relative imports, a "type": "module" package, a Node built-in.
import { square } from './square.mjs';
import { perimeter } from 'esm-shapes';
import { join } from 'node:path';
console.log('esm', square(7), perimeter(2), join('/a', 'b'), process.argv.slice(2).join(','));
