// Object.assign copies properties left to right into the target and returns it.
const target = { a: 1 };
const result = Object.assign(target, { b: 2 }, { a: 10, c: 3 });
console.log(result, result === target);
const clone = Object.assign({}, { x: { y: 1 } });
clone.x.y = 2;
console.log(clone);
console.log(Object.assign({}, null, undefined, 'ab', [9]));
const defaults = { host: 'localhost', port: 80, opts: { tls: false } };
const merged = Object.assign({}, defaults, { port: 8080 });
console.log(merged);
console.log(defaults.port);
class Box {
  constructor() {
    this.size = 1;
  }
}
const b = Object.assign(new Box(), { size: 5, color: 'red' });
console.log(b);
