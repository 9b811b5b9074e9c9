# Immutable 3-D vectors, used for points, directions and colours.
import math


class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec3(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def cross(self, o):
        return Vec3(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def norm(self):
        return self.scale(1 / self.length())

    def reflect(self, n):
        """Mirror this direction about the normal n."""
        return self.sub(n.scale(2 * self.dot(n)))


def ipow(x, n):
    """x**n for a small integer n by repeated squaring (same result in every runtime, unlike pow)."""
    r = 1.0
    while n > 0:
        if n & 1:
            r *= x
        x *= x
        n >>= 1
    return r
