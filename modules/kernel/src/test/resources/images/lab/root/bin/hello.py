# Says hello, with the virtual time and the process's own pid.
print(f"hello from Python: pid {ssi.getpid()}, t={ssi.time():.3f} s")
