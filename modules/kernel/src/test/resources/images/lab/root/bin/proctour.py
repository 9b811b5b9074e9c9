# Reads every file of /proc/mosix/nodes/1, /proc/mosix/admin and /proc/self; prints how many it read.
import os
count = 0
for folder in ["/proc/mosix/nodes/1", "/proc/mosix/admin", "/proc/self"]:
    for name in sorted(os.listdir(folder)):
        with open(f"{folder}/{name}") as f:
            f.read()
        count += 1
print("read", count, "files")
