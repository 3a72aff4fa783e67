// undefined, functions and symbols are skipped in objects and become null in arrays.
const obj = { a: undefined, b: () => 1, c: Symbol('s'), d: null, e: 'kept' };
console.log(JSON.stringify(obj));
console.log(JSON.stringify([undefined, function () {}, Symbol('x'), null, 0]));
console.log(JSON.stringify(undefined), JSON.stringify(() => {}), JSON.stringify(Symbol('y')));
console.log(typeof JSON.stringify(undefined));
console.log(JSON.stringify({ [Symbol('key')]: 1, ok: 2 }));
class Thing {
  constructor() {
    this.x = 1;
  }
  method() {}
}
console.log(JSON.stringify(new Thing()));
console.log(JSON.stringify(new Error('not serialised')));
console.log(JSON.stringify({ nested: { gone: undefined } }));
try {
  const loop = {};
  loop.self = loop;
  JSON.stringify(loop);
} catch (e) {
  console.log(e.name, e.message.split('\n')[0]);
}
