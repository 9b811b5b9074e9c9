import sys
import ssi

if sys.argv[1:] == ['sleep']:
    ssi.signal(signal='SIGTERM', handler=lambda name: ssi.exit(status=9))
    ssi.sleep(seconds=10)
    ssi.exit(status=1)
ssi.direct(flag=True)
ssi.send(pid=ssi.getppid(), text='hello')
print('args', ' '.join(sys.argv[1:]))
