// Objects nested deeper than two levels print as [Object] / [Array].
console.log({ a: { b: { c: { d: 1 } } } });
console.log({ a: { b: { c: [1, 2] } } });
console.log([[[[1]]]]);
console.log([[[['deep']]], 'shallow']);
console.log({ l1: { l2: { l3: {} } } });
console.log({ l1: { l2: { l3: [] } } });
const tree = {
  value: 1,
  children: [
    { value: 2, children: [{ value: 4, children: [] }] },
    { value: 3, children: [] },
  ],
};
console.log(tree);
console.log([{ x: { y: { z: 1 } } }]);
console.log(JSON.stringify({ a: { b: { c: { d: 1 } } } }));
