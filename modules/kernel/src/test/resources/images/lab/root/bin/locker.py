# Locks itself against migration, asks to move anyway, then unlocks and moves.
import ssi
ssi.lock(True)
try:
    ssi.migrate("fast")
except Exception as e:
    print("locked:", e)
ssi.lock(False)
print("moved to", ssi.migrate("fast"), "where", ssi.where(), "pid", ssi.getpid())
