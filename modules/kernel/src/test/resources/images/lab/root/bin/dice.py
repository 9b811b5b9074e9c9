import random, time
print(f"dice {random.randrange(10**6)} {random.randrange(10**6)} now={time.time()} set={list({'a', 'b', 'c', 'd'})}")
