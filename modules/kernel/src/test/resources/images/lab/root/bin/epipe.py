# Prints to its stdout (a pipe) after its reader has gone: Python's BrokenPipeError, as CPython raises.
import sys
ssi.sleep(0.1)
try:
    print('after the reader', flush=True)
except OSError as e:
    print(f'{type(e).__name__} {e.errno}: {e.strerror}', file=sys.stderr)
