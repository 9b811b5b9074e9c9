# Allocates, dirties and frees emulated memory; reports what the node refused.
# usage: mem.py BYTES
import ssi
block = ssi.alloc(int(ssi.args[0]))
ssi.touch(block)
ssi.touch(block, 0, 1)
try:
    ssi.alloc(1 << 40)
except Exception as e:
    print("refused:", e)
try:
    ssi.touch(block, int(ssi.args[0]), 1)
except Exception as e:
    print("refused:", e)
ssi.free(block)
print("freed at", ssi.where())
