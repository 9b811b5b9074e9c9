# Package "tracer": vectors, shapes, lights, camera and the recursive ray tracer.
from .scene import Camera, Light, Scene
from .shapes import Checker, Material, Plane, Ray, Sphere
from .vector import Vec3, ipow

__all__ = ["Camera", "Checker", "Light", "Material", "Plane", "Ray", "Scene", "Sphere", "Vec3", "ipow"]
