// Class declarations with constructors, fields set in constructor, and methods.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) {
    return new Point(this.x + other.x, this.y + other.y);
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
  length() {
    return Math.sqrt(this.x * this.x + this.y * this.y);
  }
}
const p = new Point(3, 4);
const q = p.add(new Point(1, 1));
console.log(p);
console.log(q);
console.log(String(q), `${p}`);
console.log(p.length());
console.log(p instanceof Point, typeof Point, typeof p);
class Empty {}
console.log(new Empty());
const e = new Empty();
e.later = true;
console.log(e);
