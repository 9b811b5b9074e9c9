# Lights, camera and the recursive tracer (shadows, Phong highlights, mirror reflections).
from .shapes import EPSILON, Ray
from .vector import Vec3, ipow


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, target, up, width, height, zoom):
        self.eye = eye
        self.width = width
        self.height = height
        self.forward = target.sub(eye).norm()
        self.right = self.forward.cross(up).norm()
        self.up = self.right.cross(self.forward)
        self.zoom = zoom

    def ray_for(self, px, py):
        aspect = self.width / self.height
        u = ((2 * (px + 0.5)) / self.width - 1) * aspect * self.zoom
        v = (1 - (2 * (py + 0.5)) / self.height) * self.zoom
        direction = self.forward.add(self.right.scale(u)).add(self.up.scale(v)).norm()
        return Ray(self.eye, direction)


class Stats:
    def __init__(self):
        self.rays = 0
        self.shadow_rays = 0
        self.hits = {}


class Scene:
    def __init__(self, shapes, lights, ambient, max_depth):
        self.shapes = shapes
        self.lights = lights
        self.ambient = ambient
        self.max_depth = max_depth
        self.stats = Stats()

    def closest(self, ray):
        best = None
        for s in self.shapes:
            h = s.intersect(ray)
            if h is not None and (best is None or h.t < best.t):
                best = h
        return best

    def in_shadow(self, point, to_light, distance):
        self.stats.shadow_rays += 1
        ray = Ray(point, to_light)
        for s in self.shapes:
            h = s.intersect(ray)
            if h is not None and h.t < distance:
                return True
        return False

    def sky(self, direction):
        t = 0.5 * (direction.y + 1)
        return Vec3(1, 1, 1).scale(1 - t).add(Vec3(0.5, 0.7, 1).scale(t))

    def trace(self, ray, depth):
        stats = self.stats
        stats.rays += 1
        hit = self.closest(ray)
        if hit is None:
            return self.sky(ray.dir)
        shape = hit.shape
        stats.hits[shape.name] = stats.hits.get(shape.name, 0) + 1
        p = ray.at(hit.t)
        n = shape.normal_at(p)
        if n.dot(ray.dir) > 0:
            n = n.scale(-1)
        m = shape.material
        base = m.color_at(p)
        lifted = p.add(n.scale(EPSILON * 10))
        color = base.mul(self.ambient)
        for light in self.lights:
            to_light = light.position.sub(lifted)
            dist = to_light.length()
            l = to_light.scale(1 / dist)
            lambert = n.dot(l)
            if lambert <= 0 or self.in_shadow(lifted, l, dist):
                continue
            color = color.add(base.mul(light.color).scale(lambert * m.diffuse))
            spec = l.scale(-1).reflect(n).dot(ray.dir.scale(-1))
            if spec > 0:
                color = color.add(light.color.scale(m.specular * ipow(spec, m.shininess)))
        if m.reflect > 0 and depth < self.max_depth:
            bounce = self.trace(Ray(lifted, ray.dir.reflect(n)), depth + 1)
            color = color.scale(1 - m.reflect).add(bounce.scale(m.reflect))
        return color
