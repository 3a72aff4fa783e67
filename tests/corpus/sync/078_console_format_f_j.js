// %f parses a float; %j is JSON.stringify.
console.log('%f', 3.14159);
console.log('%f', '2.5abc');
console.log('%f', 'abc');
console.log('%f %f', 1, -0.125);
console.log('%j', { a: [1, 2], b: 'x' });
console.log('%j', 'text');
console.log('%j', [undefined, () => 1]);
console.log('%j', { skip: undefined, keep: null });
console.log('json: %j, float: %f, str: %s', [1], '9.5', 'end');
console.log('%j', 5, 'more', 6);
console.log('%j');
