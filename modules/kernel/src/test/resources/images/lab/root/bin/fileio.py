# Times one write and one read of a file, in virtual ns, where it starts and after migrating to each node given.
# usage: fileio.py PATH BYTES [NODE...]
path, size = ssi.args[0], int(ssi.args[1])
data = b"x" * size

def measure():
    with open(path, "wb", buffering=0) as f:
        t0 = ssi.time(); f.write(data); t1 = ssi.time()
    with open(path, "rb", buffering=0) as f:
        t2 = ssi.time(); got = f.read(size); t3 = ssi.time()
    assert got == data, "read back what was written"
    print(ssi.where(), round((t1 - t0) * 1e9), round((t3 - t2) * 1e9))

measure()
for node in ssi.args[2:]:
    ssi.migrate(node)
    measure()
