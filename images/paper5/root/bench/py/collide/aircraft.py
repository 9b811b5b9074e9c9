# Aircraft that fly (and bounce) inside an airspace, and the straight motions they make in one frame.
from vector import Vec3


class Airspace:
    def __init__(self, width, depth, ceiling):
        self.min = Vec3(0, 0, 0)
        self.max = Vec3(width, depth, ceiling)
        self.center = Vec3(width / 2, depth / 2, ceiling / 2)


def reflect(c, lo, hi):
    if c < lo:
        return 2 * lo - c, -1
    if c > hi:
        return 2 * hi - c, -1
    return c, 1


class Aircraft:
    def __init__(self, ident, callsign, position, velocity):
        self.id = ident
        self.callsign = callsign
        self.position = position
        self.velocity = velocity

    def fly(self, space, max_speed):
        """Moves one frame, reflecting off the walls of the airspace; returns the motion made."""
        pull = (space.center - self.position) * 0.0005
        v = self.velocity + pull
        speed = v.length()
        if speed > max_speed:
            v = v * (max_speed / speed)
        start = self.position
        p = start + v
        x, fx = reflect(p.x, space.min.x, space.max.x)
        y, fy = reflect(p.y, space.min.y, space.max.y)
        z, fz = reflect(p.z, space.min.z, space.max.z)
        p = Vec3(x, y, z)
        self.velocity = Vec3(v.x * fx, v.y * fy, v.z * fz)
        self.position = p
        return Motion(self, start, p)


class Motion:
    __slots__ = ("aircraft", "start", "end")

    def __init__(self, aircraft, start, end):
        self.aircraft = aircraft
        self.start = start
        self.end = end

    def intersect(self, other, radius):
        """The point where this and the other motion come within `radius`, or None."""
        d0 = self.start - other.start
        dv = (self.end - self.start) - (other.end - other.start)
        dd = dv.squared_length()
        t = 0 if dd == 0 else -d0.dot(dv) / dd
        t = min(1, max(0, t))
        gap = d0 + dv * t
        if gap.squared_length() > radius * radius:
            return None
        return self.start + (self.end - self.start) * t
