// Getters and setters on plain objects, and how console.log shows them.
const temp = {
  _c: 20,
  get f() {
    return (this._c * 9) / 5 + 32;
  },
  set f(v) {
    this._c = ((v - 32) * 5) / 9;
  },
  get readOnly() {
    return 'r';
  },
  set writeOnly(v) {
    this._w = v;
  },
};
console.log(temp.f);
temp.f = 50;
console.log(temp._c, temp.f);
temp.readOnly = 'ignored';
console.log(temp.readOnly, temp.writeOnly);
temp.writeOnly = 'w';
console.log(temp._w);
console.log(temp);
console.log(Object.keys(temp));
console.log(JSON.stringify(temp));
