# The seed paper's Figure 1: a CPU-bound endless loop.
x = 0
while True:
    x = x + 1
