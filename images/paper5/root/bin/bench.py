# The guest CPU benchmark: pure computation, runnable by ssi, a bare GraalVM context and python3 alike.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
total = 0
for i in range(3):
    total += fib(28)
print(f"bench.py {total}")
