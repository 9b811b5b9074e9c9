// Aircraft that fly (and bounce) inside an airspace, and the straight motions they make in one frame.
const { Vec3 } = require('./vector');

class Airspace {
    constructor(width, depth, ceiling) {
        this.min = new Vec3(0, 0, 0);
        this.max = new Vec3(width, depth, ceiling);
        this.center = new Vec3(width / 2, depth / 2, ceiling / 2);
    }
}

class Aircraft {
    constructor(id, callsign, position, velocity) {
        this.id = id;
        this.callsign = callsign;
        this.position = position;
        this.velocity = velocity;
    }

    // Moves one frame, reflecting off the walls of the airspace; returns the motion made.
    fly(space, maxSpeed) {
        const pull = space.center.minus(this.position).times(0.0005);
        let v = this.velocity.plus(pull);
        const speed = v.length();
        if (speed > maxSpeed) v = v.times(maxSpeed / speed);
        const from = this.position;
        let p = from.plus(v);
        const reflect = (c, lo, hi) => (c < lo ? [2 * lo - c, -1] : c > hi ? [2 * hi - c, -1] : [c, 1]);
        const [x, fx] = reflect(p.x, space.min.x, space.max.x);
        const [y, fy] = reflect(p.y, space.min.y, space.max.y);
        const [z, fz] = reflect(p.z, space.min.z, space.max.z);
        p = new Vec3(x, y, z);
        this.velocity = new Vec3(v.x * fx, v.y * fy, v.z * fz);
        this.position = p;
        return new Motion(this, from, p);
    }
}

class Motion {
    constructor(aircraft, from, to) {
        this.aircraft = aircraft;
        this.from = from;
        this.to = to;
    }

    // The point where this and the other motion come within `radius`, or null.
    intersect(other, radius) {
        const d0 = this.from.minus(other.from);
        const dv = this.to.minus(this.from).minus(other.to.minus(other.from));
        const dd = dv.squaredLength();
        let t = dd === 0 ? 0 : -d0.dot(dv) / dd;
        t = Math.min(1, Math.max(0, t));
        const gap = d0.plus(dv.times(t));
        if (gap.squaredLength() > radius * radius) return null;
        return this.from.plus(this.to.minus(this.from).times(t));
    }
}

module.exports = { Airspace, Aircraft, Motion };
