# The benchmarks' shared LCG and checksum: a library of the image (/lib/python), imported as from site-packages.

MOD = 1000000007


class Lcg:
    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next(self):
        """Next raw value in [0, 2^31): seed = (seed * 1103515245 + 12345) mod 2^31."""
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        """Integer in [0, n) taken from the high bits."""
        return (self.next() * n) >> 31

    def float(self):
        """Float in [0, 1)."""
        return self.next() / 2147483648

    def pick(self, items):
        return items[self.below(len(items))]

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


class Checksum:
    """Running checksum, the same arithmetic as the JS version."""

    def __init__(self):
        self.value = 17

    def add(self, n):
        self.value = (self.value * 31 + n % MOD) % MOD
        return self

    def add_string(self, s):
        for ch in s:
            self.add(ord(ch))
        return self
