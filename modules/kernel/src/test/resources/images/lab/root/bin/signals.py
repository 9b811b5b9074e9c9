# Waits for signals, printing when each handler ran; SIGTERM ends it. usage: signals.py [NODE]
if ssi.args:
    ssi.migrate(ssi.args[0])
done = False
def on_usr1(name):
    print(f"{name} at {round(ssi.time() * 1e9)} on node {ssi.where()}")
def on_term(name):
    global done
    print(f"{name}: bye")
    done = True
ssi.signal("SIGUSR1", on_usr1)
ssi.signal("SIGTERM", on_term)
while not done:
    ssi.sleep(1)
