# Sleeps in virtual time and shows that the guest's clock follows the emulator's.
import time
t0 = time.time()
time.sleep(0.25)
print(f"slept {time.time() - t0:.3f} s of virtual time")
