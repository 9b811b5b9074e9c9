# Reads its stdin to the end and says how many lines came, in order or not.
import sys
lines = sys.stdin.read().splitlines()
ok = all(line == f"line {i}" for i, line in enumerate(lines))
print(f"{len(lines)} lines, {'in order' if ok else 'OUT OF ORDER'}")
