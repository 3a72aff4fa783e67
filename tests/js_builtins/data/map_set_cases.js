// Map and Set: insertion order, SameValueZero keys, -0 normalisation, sizes, errors.
const { run } = require('./harness.js');
const U = { $: 'undefined' }, NaN_ = { $: 'NaN' }, NZ = { $: '-0' };
const A = (...xs) => ({ $array: xs });
const M = (...kv) => ({ $map: kv });
const S = (...xs) => ({ $set: xs });
const mm = (name, self, ...args) => ({ fn: 'Map.prototype.' + name, this: self, args, show_this: true });
const sm = (name, self, ...args) => ({ fn: 'Set.prototype.' + name, this: self, args, show_this: true });
run([
  { fn: 'Map', args: [A(A('b', 1), A('a', 2), A(1, 3), A('b', 4))], construct: true },
  { fn: 'Map', args: [A(A(NZ, 'z'), A(0, 'zero'), A(NaN_, 'n1'), A(NaN_, 'n2'))], construct: true },
  { fn: 'Map', args: [A(1)], construct: true },
  { fn: 'Map', args: [5], construct: true },
  { fn: 'Map', args: [] },
  { fn: 'Set', args: [A(3, 1, 3, '3', 2, 1, NZ, 0, NaN_, NaN_)], construct: true },
  { fn: 'Set', args: ['hello'], construct: true },
  { fn: 'Set', args: [5], construct: true },
  mm('set', M(['a', 1], ['b', 2]), 'a', 9),
  mm('set', M(['a', 1]), NZ, 'zero'),
  mm('get', M([0, 'zero']), NZ),
  mm('get', M(['a', 1]), 'b'),
  mm('has', M([NaN_, 1]), NaN_),
  mm('delete', M(['a', 1], ['b', 2], ['c', 3]), 'b'),
  mm('delete', M(['a', 1]), 'z'),
  mm('clear', M(['a', 1])),
  mm('get', A(), 1),
  sm('add', S(1, 2), 1),
  sm('add', S(1, 2), 3),
  sm('has', S('1'), 1),
  sm('delete', S(1, 2, 3), 1),
  sm('add', A(), 1),
]);
