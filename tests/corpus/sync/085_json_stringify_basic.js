// JSON.stringify of primitives, arrays, objects and special numbers.
console.log(JSON.stringify(1), JSON.stringify('s'), JSON.stringify(true), JSON.stringify(null));
console.log(JSON.stringify([1, 'a', false, null]));
console.log(JSON.stringify({ a: 1, b: [1, 2], c: { d: 'e' } }));
console.log(JSON.stringify(NaN), JSON.stringify(Infinity), JSON.stringify([NaN, -Infinity]));
console.log(JSON.stringify('quote " and \\ and \n newline'));
console.log(JSON.stringify('tab\tand\u0001control'));
console.log(JSON.stringify({}), JSON.stringify([]), JSON.stringify(''));
console.log(JSON.stringify({ 2: 'b', 1: 'a', z: 'z', y: 'y' }));
console.log(JSON.stringify(1e21), JSON.stringify(0.1 + 0.2), JSON.stringify(-0));
console.log(JSON.stringify('ünïcödé'), JSON.stringify('\u2028'));
console.log(typeof JSON.stringify({}), JSON.stringify([[[]]]));
