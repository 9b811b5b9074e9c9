# Benchmark "raytrace": renders a fixed scene of spheres over a checkered floor and prints a pixel checksum.
# usage: main.py [WIDTH]   (default 400; the height is 3/4 of the width)
import math
import sys

from benchrng import Checksum
from tracer import Camera, Checker, Light, Material, Plane, Scene, Sphere, Vec3


def build_scene():
    shapes = [Plane("floor", Vec3(0, 0, 0), Vec3(0, 1, 0),
                    Checker(Vec3(0.9, 0.9, 0.9), Vec3(0.15, 0.15, 0.2), 2, specular=0.1, reflect=0.25))]
    palette = [(0.9, 0.2, 0.2), (0.2, 0.8, 0.3), (0.2, 0.4, 0.9), (0.9, 0.8, 0.2), (0.8, 0.3, 0.8), (0.3, 0.8, 0.8)]
    # Six spheres on a ring around a big mirror ball.
    ring = [(4, 0), (2, 3.4), (-2, 3.4), (-4, 0), (-2, -3.4), (2, -3.4)]
    for i, (x, z) in enumerate(ring):
        r = 0.7 + 0.1 * i
        material = Material(Vec3(*palette[i]), shininess=8 << (i % 3), reflect=0.2 if i % 2 else 0)
        shapes.append(Sphere(f"ball{i}", Vec3(x, r, z), r, material))
    shapes.append(Sphere("mirror", Vec3(0, 1.6, 0), 1.6,
                         Material(Vec3(0.95, 0.95, 0.95), diffuse=0.2, specular=0.8, shininess=64, reflect=0.7)))
    lights = [Light(Vec3(-6, 10, 8), Vec3(0.8, 0.8, 0.7)), Light(Vec3(7, 6, -3), Vec3(0.3, 0.35, 0.5))]
    return Scene(shapes, lights, Vec3(0.1, 0.1, 0.12), 4)


def channel(c):
    return math.floor(min(1, max(0, c)) * 255 + 0.5)


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    height = width * 3 // 4
    scene = build_scene()
    camera = Camera(Vec3(0, 4, 9), Vec3(0, 1.2, 0), Vec3(0, 1, 0), width, height, 0.7)
    check = Checksum()
    totals = [0, 0, 0]
    for y in range(height):
        for x in range(width):
            c = scene.trace(camera.ray_for(x, y), 0)
            r, g, b = channel(c.x), channel(c.y), channel(c.z)
            totals[0] += r
            totals[1] += g
            totals[2] += b
            check.add((r << 16) | (g << 8) | b)

    pixels = width * height
    stats = scene.stats
    print(f"raytrace: {width}x{height}, {stats.rays} rays, {stats.shadow_rays} shadow rays")
    print("  hits: " + " ".join(f"{k}={v}" for k, v in stats.hits.items()))
    print("  mean colour: " + " ".join(str(t // pixels) for t in totals))
    print(f"checksum {check.value}")


main()
