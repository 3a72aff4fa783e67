// new with function constructors and classes; returned objects replace this.
function Person(name) {
  this.name = name;
  this.greet = function () {
    return 'hi ' + this.name;
  };
}
const p = new Person('ana');
console.log(p.name, p.greet());
console.log(p instanceof Person);
function Weird() {
  this.ignored = true;
  return { replaced: true };
}
console.log(new Weird());
function Primitive() {
  this.kept = true;
  return 5;
}
console.log(new Primitive());
class Counter {
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n++;
    return this;
  }
}
console.log(new Counter().inc().inc().inc().n);
const made = [1, 2, 3].map((n) => new Counter());
console.log(made.length, made[0] === made[1]);
console.log(new Array(3).length, new Error('x').message, new Object());
