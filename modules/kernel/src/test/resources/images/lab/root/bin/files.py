# Writes and reads the cluster's files: usage: files.py write PATH TEXT | read PATH | tour
import os, sys
what = ssi.args[0]
if what == "write":
    with open(ssi.args[1], "w") as f:
        f.write(ssi.args[2])
    print("wrote", ssi.args[1])
elif what == "read":
    with open(ssi.args[1]) as f:
        print("read", f.read())
else:
    print("root", sorted(os.listdir("/")))
    print("mfs", sorted(os.listdir("/mfs")))
    for path in ["/etc/passwd", "/../../../etc/passwd", "/bin/new.py", "/mfs/9/x", "/tmp/bad\x01name"]:
        try:
            with open(path, "w" if path != "/etc/passwd" else "r") as f:
                f.write("x")
            print(path, "ALLOWED")
        except OSError as e:
            print(path, "refused:", type(e).__name__)
    os.mkdir("/home/lib")
    with open("/home/lib/greet.py", "w") as f:
        f.write("def hello(who):\n    return 'hello ' + who\n")
    sys.path.insert(0, "/home/lib")
    import greet
    print(greet.hello("vfs"))
    with open("/tmp/log", "a") as f:
        f.write("one\n")
    with open("/tmp/log", "a") as f:
        f.write("two\n")
    print(open("/tmp/log").read().split(), os.stat("/tmp/log").st_size)
