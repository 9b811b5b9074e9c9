// The seed paper's Figure 1: a CPU-bound endless loop.
let x = 0;
for (;;) {
    x = x + 1;
}
