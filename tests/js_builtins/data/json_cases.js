// JSON.stringify and JSON.parse: formatting, replacers, revivers and V8's error messages.
const { run } = require('./harness.js');
const U = { $: 'undefined' }, NaN_ = { $: 'NaN' }, NZ = { $: '-0' }, INF = { $: 'Infinity' };
const A = (...xs) => ({ $array: xs });
const O = (...kv) => ({ $object: kv });
const s = (...args) => ({ fn: 'JSON.stringify', args });
const p = (...args) => ({ fn: 'JSON.parse', args });
run([
  s(O(['b', 1], ['a', A(1, 'x', null, true)], ['2', 2], ['1', 1])),
  s(A(U, NaN_, INF, NZ, 1e21, 1.5e-7, -1.25)),
  s(O(['a', U], ['b', { $fn: 'double' }], ['c', 3])),
  s(U), s({ $fn: 'double' }), s('x'), s(null), s(NZ),
  s('\u2028\ud800\udc00\x01\x1f\x7f\b\t\n\f\r"\\/é'),
  s({ $u16: [0x61, 0xd800, 0xdc00, 0xdc00, 0x62] }),
  s({ $u16: [0x6c, 0xd800, 0x20, 0xdfff] }),
  s(O(['a', A(1, O(['b', 2]))], ['c', 'x']), null, 2),
  s(O(['a', A(1, O(['b', 2]))], ['c', 'x']), null, '--'),
  s(O(['a', 1]), null, 20),
  s(O(['a', 1]), null, 'abcdefghijklmn'),
  s(A(), null, 2), s(O(), null, 2), s(A(A()), null, 2), s(A(O()), null, '\t'),
  s(O(['a', 1], ['b', 2], ['c', O(['a', 3], ['d', 4])]), A('a', 'c')),
  s(O(['1', 'one'], ['b', 2]), A(1, 'b', 1)),
  s(O(['a', 1], ['b', A(1, 2)]), { $fn: 'times10' }),
  s(O(['a', 1], ['b', 2]), { $fn: 'drop_b' }),
  s(A(1, 2), { $fn: 'drop_b' }, 1),
  s(O(['x', { $map: [[1, 2]] }], ['y', { $set: [1] }])),
  p('{"b":1,"a":[1,2,{"c":null}],"2":true,"1":false}'),
  p(' [1, -0, 1e3, 0.5, -1.5E-2, "a\\u0041\\n\\"", {}] '),
  p('"\\ud800"'),
  p('{"__proto__":1,"a":1,"a":2}'),
  p('{"a":1,"b":2,"c":{"b":3,"d":4}}', { $fn: 'drop_b' }),
  p('[1,2,{"n":3}]', { $fn: 'times10' }),
  p('{'), p('{a:1}'), p('[1,]'), p('[1,2'), p(''), p('   '), p('tru'), p('nul'), p('"abc'),
  p('"a\\qb"'), p('{"a":1,}'), p('{"a" 1}'), p('[1 2]'), p('01'), p('1.'), p('-'), p('1e'),
  p('"\\u12g4"'), p('"a\nb"'), p('{"a":1}x'), p('[1]]'), p('1 2'), p('  [\n1,\n,2]'),
  p('{"a":tx}'), p('{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16],}'),
  p('["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",x]'),
  p('[x,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]'),
  p('["aaaaaaaaaaaaaaaaaaaaa",x,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]'),
  p('{"a":1}}'), p('undefined'), p('NaN'), p('[-]'), p('[1e+]'), p('\t'), p('{"a":1 "b":2}'),
  p('["a" "b"]'), p('[1,"x":2]'), p(U), p('{"a":1,"b"}'), p('{"a"}'), p('{"a":1,"b" 2}'),
  p('{"a":1,"b"'), p('{"a":1]'), p('{1:2}'), p('{"a":1,]'),
]);
