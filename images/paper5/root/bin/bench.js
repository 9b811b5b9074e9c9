// The guest CPU benchmark: pure computation, runnable by ssi, a bare GraalVM context and node alike.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let sum = 0;
for (let i = 0; i < 10; i++) { sum += fib(32); }
console.log(`bench.js ${sum}`);
