// Rays, materials and the shapes of the scene (spheres and a checkered plane).

const EPSILON = 1e-6;

class Ray {
    constructor(origin, dir) {
        this.origin = origin;
        this.dir = dir;
    }

    at(t) {
        return this.origin.add(this.dir.scale(t));
    }
}

class Material {
    constructor(color, { diffuse = 0.8, specular = 0.3, shininess = 16, reflect = 0 } = {}) {
        this.color = color;
        this.diffuse = diffuse;
        this.specular = specular;
        this.shininess = shininess;
        this.reflect = reflect;
    }

    colorAt() {
        return this.color;
    }
}

class Checker extends Material {
    constructor(a, b, size, options) {
        super(a, options);
        this.other = b;
        this.size = size;
    }

    colorAt(p) {
        const parity = (Math.floor(p.x / this.size) + Math.floor(p.z / this.size)) & 1;
        return parity ? this.other : this.color;
    }
}

class Hit {
    constructor(t, shape) {
        this.t = t;
        this.shape = shape;
    }
}

class Sphere {
    constructor(name, center, radius, material) {
        this.name = name;
        this.center = center;
        this.radius = radius;
        this.material = material;
    }

    intersect(ray) {
        const oc = ray.origin.sub(this.center);
        const b = oc.dot(ray.dir);
        const c = oc.dot(oc) - this.radius * this.radius;
        const disc = b * b - c;
        if (disc < 0) return null;
        const sq = Math.sqrt(disc);
        let t = -b - sq;
        if (t < EPSILON) t = -b + sq;
        return t < EPSILON ? null : new Hit(t, this);
    }

    normalAt(p) {
        return p.sub(this.center).scale(1 / this.radius);
    }
}

class Plane {
    constructor(name, point, normal, material) {
        this.name = name;
        this.point = point;
        this.normal = normal.norm();
        this.material = material;
    }

    intersect(ray) {
        const denom = this.normal.dot(ray.dir);
        if (Math.abs(denom) < 1e-9) return null;
        const t = this.point.sub(ray.origin).dot(this.normal) / denom;
        return t < EPSILON ? null : new Hit(t, this);
    }

    normalAt() {
        return this.normal;
    }
}

module.exports = { EPSILON, Ray, Material, Checker, Hit, Sphere, Plane };
