# An object-heavy endless loop that never calls the system: small objects, a method per step, a dict.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Point(self.x + o.x, (self.y + o.y) % 1000003)


seen = {}
p = Point(0, 0)
i = 0
while True:
    p = p.add(Point(1, 2))
    seen[i % 1024] = p
    i += 1
