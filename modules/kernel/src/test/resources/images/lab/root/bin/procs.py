# Reads and writes the cluster's /proc files like any file.
import os

def cat(path):
    with open(path) as f:
        return f.read().strip()

print("speed of node 2:", cat("/proc/mosix/nodes/2/speed"), "cpus of node 3:", cat("/proc/mosix/nodes/3/cpus"))
print("where:", cat("/proc/self/where"), "from:", cat("/proc/self/from"), "admin here:", cat("/proc/mosix/admin/mospe"))
with open("/proc/self/where", "w") as f:
    f.write("3\n")
ssi.sleep(0.5)
print("now where:", cat("/proc/self/where"), "nmigs:", cat("/proc/self/nmigs"), "ssi.where:", ssi.where())
for path, text in [("/proc/mosix/admin/block", "1"), ("/proc/2/where", "1"), ("/proc/self/lock", "banana"),
                   ("/proc/mosix/nodes/1/speed", "3"), ("/proc/self/where", "9")]:
    try:
        with open(path, "w") as f:
            f.write(text)
        print(path, "ALLOWED")
    except OSError as e:
        print(path, "refused:", e)
print(sorted(os.listdir("/proc/mosix")), sorted(os.listdir("/proc/self")))
