// Calling a class without new is a TypeError; so is calling a non-function.
class Widget {
  constructor() {
    this.ok = true;
  }
}
try {
  Widget();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const Alias = Widget;
try {
  Alias();
} catch (e) {
  console.log(e.message);
}
console.log(new Alias());
const notFn = 5;
const arrow = () => {};
for (const make of [() => new notFn(), () => new arrow()]) {
  try {
    make();
  } catch (e) {
    console.log(e.message);
  }
}
class Base {}
class Derived extends Base {
  constructor() {
    this.x = 1;
    super();
  }
}
try {
  new Derived();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
