# Calls Python refuses itself: each names the ssi function, not ssi's own code; a descriptor beyond a C int, as CPython.
import os
for call in (lambda: ssi.getpid(1), lambda: ssi.wait(), lambda: ssi.recv(1, 2), lambda: open(2**31, 'w'), lambda: os.fdopen(-2**40),
             lambda: ssi.waitinfo(2**63)):
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(f'{type(e).__name__}: {e}')
