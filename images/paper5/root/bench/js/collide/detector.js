// Spatial hash of motions in 2-D voxels, and the per-frame collision detector built on it.

class VoxelGrid {
    constructor(size) {
        this.size = size;
        this.cells = new Map();
    }

    key(ix, iy) {
        return `${ix},${iy}`;
    }

    // Files the motion under every voxel its bounding box (grown by `margin`) touches.
    insert(motion, margin) {
        const s = this.size;
        const x0 = Math.floor((Math.min(motion.from.x, motion.to.x) - margin) / s);
        const x1 = Math.floor((Math.max(motion.from.x, motion.to.x) + margin) / s);
        const y0 = Math.floor((Math.min(motion.from.y, motion.to.y) - margin) / s);
        const y1 = Math.floor((Math.max(motion.from.y, motion.to.y) + margin) / s);
        for (let ix = x0; ix <= x1; ix++) {
            for (let iy = y0; iy <= y1; iy++) {
                const k = this.key(ix, iy);
                const list = this.cells.get(k);
                if (list) list.push(motion);
                else this.cells.set(k, [motion]);
            }
        }
    }

    *crowded() {
        for (const list of this.cells.values()) if (list.length > 1) yield list;
    }
}

class Collision {
    constructor(a, b, point) {
        this.a = a;
        this.b = b;
        this.point = point;
    }

    get label() {
        return `${this.a.callsign}|${this.b.callsign}`;
    }
}

class CollisionDetector {
    constructor(radius, voxelSize) {
        this.radius = radius;
        this.voxelSize = voxelSize;
        this.checks = 0;
        this.voxels = 0;
    }

    detect(motions) {
        const grid = new VoxelGrid(this.voxelSize);
        for (const m of motions) grid.insert(m, this.radius / 2);
        this.voxels += grid.cells.size;
        const seen = new Set();
        const found = [];
        for (const list of grid.crowded()) {
            for (let i = 0; i < list.length; i++) {
                for (let j = i + 1; j < list.length; j++) {
                    let [m, n] = [list[i], list[j]];
                    if (m.aircraft.id > n.aircraft.id) [m, n] = [n, m];
                    const key = `${m.aircraft.callsign}|${n.aircraft.callsign}`;
                    if (seen.has(key)) continue;
                    seen.add(key);
                    this.checks++;
                    const p = m.intersect(n, this.radius);
                    if (p) found.push(new Collision(m.aircraft, n.aircraft, p));
                }
            }
        }
        return found;
    }
}

module.exports = { VoxelGrid, Collision, CollisionDetector };
