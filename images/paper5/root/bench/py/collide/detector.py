# Spatial hash of motions in 2-D voxels, and the per-frame collision detector built on it.
import math
from collections import defaultdict


class VoxelGrid:
    def __init__(self, size):
        self.size = size
        self.cells = defaultdict(list)

    def insert(self, motion, margin):
        """Files the motion under every voxel its bounding box (grown by `margin`) touches."""
        s = self.size
        a, b = motion.start, motion.end
        x0 = math.floor((min(a.x, b.x) - margin) / s)
        x1 = math.floor((max(a.x, b.x) + margin) / s)
        y0 = math.floor((min(a.y, b.y) - margin) / s)
        y1 = math.floor((max(a.y, b.y) + margin) / s)
        for ix in range(x0, x1 + 1):
            for iy in range(y0, y1 + 1):
                self.cells[ix, iy].append(motion)

    def crowded(self):
        return (lst for lst in self.cells.values() if len(lst) > 1)


class Collision:
    def __init__(self, a, b, point):
        self.a = a
        self.b = b
        self.point = point

    @property
    def label(self):
        return f"{self.a.callsign}|{self.b.callsign}"


class CollisionDetector:
    def __init__(self, radius, voxel_size):
        self.radius = radius
        self.voxel_size = voxel_size
        self.checks = 0
        self.voxels = 0

    def detect(self, motions):
        grid = VoxelGrid(self.voxel_size)
        for m in motions:
            grid.insert(m, self.radius / 2)
        self.voxels += len(grid.cells)
        seen = set()
        found = []
        for lst in grid.crowded():
            for i in range(len(lst)):
                for j in range(i + 1, len(lst)):
                    m, n = lst[i], lst[j]
                    if m.aircraft.id > n.aircraft.id:
                        m, n = n, m
                    key = f"{m.aircraft.callsign}|{n.aircraft.callsign}"
                    if key in seen:
                        continue
                    seen.add(key)
                    self.checks += 1
                    p = m.intersect(n, self.radius)
                    if p is not None:
                        found.append(Collision(m.aircraft, n.aircraft, p))
        return found
