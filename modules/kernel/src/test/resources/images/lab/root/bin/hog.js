// An object-heavy endless loop that never calls the system: small objects, a method per step, a Map.
class Point {
    constructor(x, y) { this.x = x; this.y = y; }
    add(o) { return new Point(this.x + o.x, (this.y + o.y) % 1000003); }
}
const seen = new Map();
let p = new Point(0, 0);
for (let i = 0; ; i++) {
    p = p.add(new Point(1, 2));
    seen.set(i % 1024, p);
}
