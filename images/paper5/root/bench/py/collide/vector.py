# Immutable 3-D vectors for the collision detector.
import math

class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def squared_length(self):
        return self.dot(self)

    def length(self):
        return math.sqrt(self.dot(self))

    def __str__(self):
        return f"({self.x:.2f}, {self.y:.2f}, {self.z:.2f})"
