// JSON.stringify with a number or string indent.
const data = { name: 'loop', tags: ['a', 'b'], nested: { x: 1, empty: {}, list: [] } };
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, null, '--'));
console.log(JSON.stringify([1, [2, 3]], null, 4));
console.log(JSON.stringify(data, null, 0));
console.log(JSON.stringify({ a: 1 }, null, 20));
console.log(JSON.stringify({ a: 1 }, null, 'abcdefghijklmno'));
console.log(JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.stringify({ a: [{}] }, null, ''));
console.log(JSON.stringify('just a string', null, 2));
console.log(JSON.stringify([undefined, { u: undefined }], null, 1));
