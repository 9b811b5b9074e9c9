# Fills a node's disk: writes files of BYTES bytes under DIR until the disk refuses one; usage: disk.py DIR BYTES
import os
folder, size = ssi.args[0], int(ssi.args[1])
n = 0
while True:
    try:
        with open(f"{folder}/f{n}", "wb") as f:
            f.write(b"z" * size)
        n += 1
    except OSError as e:
        print(f"wrote {n} files; then {type(e).__name__}: {e}")
        break
print(sorted(os.listdir(folder)), [os.stat(f"{folder}/f{i}").st_size for i in range(n)])
