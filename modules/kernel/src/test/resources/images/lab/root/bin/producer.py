# Writes COUNT lines "line N" to its stdout, computing a little between them; usage: producer.py COUNT
count = int(ssi.args[0])
for i in range(count):
    x = 0
    for k in range(50):
        x += k
    print(f"line {i}")
