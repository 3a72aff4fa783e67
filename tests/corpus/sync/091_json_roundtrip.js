// Round trips through JSON lose undefined, functions and class identity.
class P {
  constructor(x) {
    this.x = x;
  }
}
const original = { p: new P(1), list: [1, undefined, 3], when: undefined, n: -0, big: 1e21 };
const text = JSON.stringify(original);
console.log(text);
const back = JSON.parse(text);
console.log(back);
console.log(back.p instanceof P, 'when' in back, back.list[1]);
const deep = JSON.parse(JSON.stringify({ a: [{ b: [{ c: 'd' }] }] }));
deep.a[0].b[0].c = 'changed';
console.log(JSON.stringify(deep));
const pretty = JSON.stringify({ k: [1, { z: null }] }, null, 2);
console.log(pretty.split('\n').length, JSON.parse(pretty).k[1]);
console.log(JSON.stringify(JSON.parse('[1.50, 2.0, 1E2]')));
