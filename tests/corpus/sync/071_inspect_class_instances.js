// Class instances print with the class name before the braces.
class User {
  constructor(name, age) {
    this.name = name;
    this.age = age;
  }
  greet() {
    return 'hi';
  }
}
class Empty {}
class Holder {
  constructor() {
    this.items = [new User('in', 1)];
    this.meta = { owner: new User('own', 2) };
  }
}
class Admin extends User {
  constructor(name) {
    super(name, 99);
    this.level = 'root';
  }
}
console.log(new User('ann', 30));
console.log(new Empty());
console.log(new Holder());
console.log(new Admin('root'));
console.log([new Empty(), new User('x', 1)]);
console.log({ user: new User('nested', 5) });
const point = new (class Point {
  constructor() {
    this.x = 1;
  }
})();
console.log(point);
function OldStyle(v) {
  this.v = v;
}
console.log(new OldStyle(3));
