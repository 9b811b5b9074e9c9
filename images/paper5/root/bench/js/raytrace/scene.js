// Lights, camera and the recursive tracer (shadows, Phong highlights, mirror reflections).
const { Vec3, ipow } = require('./vector');
const { EPSILON, Ray } = require('./shapes');

class Light {
    constructor(position, color) {
        this.position = position;
        this.color = color;
    }
}

class Camera {
    constructor(eye, target, up, width, height, zoom) {
        this.eye = eye;
        this.width = width;
        this.height = height;
        this.forward = target.sub(eye).norm();
        this.right = this.forward.cross(up).norm();
        this.up = this.right.cross(this.forward);
        this.zoom = zoom;
    }

    rayFor(px, py) {
        const aspect = this.width / this.height;
        const u = ((2 * (px + 0.5)) / this.width - 1) * aspect * this.zoom;
        const v = (1 - (2 * (py + 0.5)) / this.height) * this.zoom;
        const dir = this.forward.add(this.right.scale(u)).add(this.up.scale(v)).norm();
        return new Ray(this.eye, dir);
    }
}

class Scene {
    constructor(shapes, lights, ambient, maxDepth) {
        this.shapes = shapes;
        this.lights = lights;
        this.ambient = ambient;
        this.maxDepth = maxDepth;
        this.stats = { rays: 0, shadowRays: 0, hits: new Map() };
    }

    closest(ray) {
        let best = null;
        for (const s of this.shapes) {
            const h = s.intersect(ray);
            if (h && (!best || h.t < best.t)) best = h;
        }
        return best;
    }

    inShadow(point, toLight, distance) {
        this.stats.shadowRays++;
        const ray = new Ray(point, toLight);
        return this.shapes.some((s) => {
            const h = s.intersect(ray);
            return h !== null && h.t < distance;
        });
    }

    sky(dir) {
        const t = 0.5 * (dir.y + 1);
        return new Vec3(1, 1, 1).scale(1 - t).add(new Vec3(0.5, 0.7, 1).scale(t));
    }

    trace(ray, depth) {
        this.stats.rays++;
        const hit = this.closest(ray);
        if (!hit) return this.sky(ray.dir);
        const shape = hit.shape;
        this.stats.hits.set(shape.name, (this.stats.hits.get(shape.name) || 0) + 1);
        const p = ray.at(hit.t);
        let n = shape.normalAt(p);
        if (n.dot(ray.dir) > 0) n = n.scale(-1);
        const m = shape.material;
        const base = m.colorAt(p);
        const lifted = p.add(n.scale(EPSILON * 10));
        let color = base.mul(this.ambient);
        for (const light of this.lights) {
            const toLight = light.position.sub(lifted);
            const dist = toLight.length();
            const l = toLight.scale(1 / dist);
            const lambert = n.dot(l);
            if (lambert <= 0 || this.inShadow(lifted, l, dist)) continue;
            color = color.add(base.mul(light.color).scale(lambert * m.diffuse));
            const spec = l.scale(-1).reflect(n).dot(ray.dir.scale(-1));
            if (spec > 0) color = color.add(light.color.scale(m.specular * ipow(spec, m.shininess)));
        }
        if (m.reflect > 0 && depth < this.maxDepth) {
            const bounce = this.trace(new Ray(lifted, ray.dir.reflect(n)), depth + 1);
            color = color.scale(1 - m.reflect).add(bounce.scale(m.reflect));
        }
        return color;
    }
}

module.exports = { Light, Camera, Scene };
