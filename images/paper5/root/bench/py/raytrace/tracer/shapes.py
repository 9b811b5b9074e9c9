# Rays, materials and the shapes of the scene (spheres and a checkered plane).
import math

EPSILON = 1e-6


class Ray:
    __slots__ = ("origin", "dir")

    def __init__(self, origin, direction):
        self.origin = origin
        self.dir = direction

    def at(self, t):
        return self.origin.add(self.dir.scale(t))


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess=16, reflect=0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, p):
        return self.color


class Checker(Material):
    def __init__(self, a, b, size, **options):
        super().__init__(a, **options)
        self.other = b
        self.size = size

    def color_at(self, p):
        parity = (math.floor(p.x / self.size) + math.floor(p.z / self.size)) & 1
        return self.other if parity else self.color


class Hit:
    __slots__ = ("t", "shape")

    def __init__(self, t, shape):
        self.t = t
        self.shape = shape


class Sphere:
    def __init__(self, name, center, radius, material):
        self.name = name
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.dir)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        sq = math.sqrt(disc)
        t = -b - sq
        if t < EPSILON:
            t = -b + sq
        return None if t < EPSILON else Hit(t, self)

    def normal_at(self, p):
        return p.sub(self.center).scale(1 / self.radius)


class Plane:
    def __init__(self, name, point, normal, material):
        self.name = name
        self.point = point
        self.normal = normal.norm()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.dir)
        if abs(denom) < 1e-9:
            return None
        t = self.point.sub(ray.origin).dot(self.normal) / denom
        return None if t < EPSILON else Hit(t, self)

    def normal_at(self, p):
        return self.normal
