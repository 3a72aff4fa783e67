// Getters and setters on classes; console.log shows only the own data fields.
class Rect {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }
  get area() {
    return this.w * this.h;
  }
  set side(s) {
    this.w = s;
    this.h = s;
  }
  get side() {
    return this.w === this.h ? this.w : undefined;
  }
}
const r = new Rect(2, 5);
console.log(r.area, r.side);
r.side = 4;
console.log(r.area, r.side, r.w, r.h);
console.log(r);
class Temp {
  constructor() {
    this._c = 0;
  }
  get f() {
    return (this._c * 9) / 5 + 32;
  }
  set f(v) {
    this._c = ((v - 32) * 5) / 9;
  }
}
const t = new Temp();
t.f = 212;
console.log(t._c, t.f);
