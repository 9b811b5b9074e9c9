# Wakes every 100 ms of virtual time to count, and sleeps again: a light process, for running many at once.
# usage: idle.py [SECONDS (default forever)]
end = float(ssi.args[0]) if ssi.args else float("inf")
beats = 0
while ssi.time() < end:
    beats += 1
    ssi.sleep(0.1)
print(f"idle.py {ssi.getpid()}: {beats} beats")
