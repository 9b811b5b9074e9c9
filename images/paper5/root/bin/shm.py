# Attaches SysV shared memory, which MOSIX cannot migrate: plain mosrun stops it with MOSIX's
# message; under `mosrun -e` it is brought home and stays there (cantmove: monkey).
import ssi
segment = ssi.shmget(42, 4096)
ssi.shmat(segment)
print("attached shared memory at node", ssi.where())
total = 0
for i in range(300000):
    total = (total + i) % 1000003
print("shm.py done at node", ssi.where(), "total", total)
