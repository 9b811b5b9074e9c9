# Every ssi call of the README's table, each argument passed by its documented keyword.
import ssi
from calls import memory, shared, pipes

print('where', ssi.where(), 'moved to', ssi.migrate(node=2))
ssi.lock(flag=True)
ssi.lock(flag=False)
print('memory', memory())
print('shared', shared())
print('pipe', pipes())

r, w = ssi.pipe()
child = ssi.spawn(path='/home/pykw/child.py', args=['one', 'two'], stdin=-1, stdout=w, fds=[])
ssi.close(fd=w)
ssi.direct(flag=True)
message = ssi.recv(timeout=5)
print('child says', ssi.read(fd=r, max=100).strip(), 'and sent', message['data'], 'from its pid', message['from'] == child)
print('child exited', ssi.wait(pid=child))

sleeper = ssi.spawn(path='/home/pykw/child.py', args=['sleep'])
ssi.sleep(seconds=0.05)
ssi.kill(pid=sleeper, signal='SIGTERM')
info = ssi.waitinfo(pid=sleeper)
print('sleeper', sorted(info), info['status'])

ssi.checkpoint(text='half done')
print('restored', ssi.restored(), 'time', round(ssi.time(), 2))
ssi.exit(status=3)
