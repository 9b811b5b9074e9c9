# Calls Python refuses itself: each names the ssi function, not ssi's own code.
for call in (lambda: ssi.getpid(1), lambda: ssi.wait(), lambda: ssi.recv(1, 2)):
    try:
        call()
    except TypeError as e:
        print(f'{type(e).__name__}: {e}')
