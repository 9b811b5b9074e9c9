# The consumer of a pipeline (the seed paper's Test 7): reads its stdin, computing a little on each block.
import sys
total = 0
while True:
    s = sys.stdin.read(4096)
    if not s:
        break
    x = 0
    for k in range(25):
        x += k
    total += len(s)
print(f"consumed {total} bytes")
