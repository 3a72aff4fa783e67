// Several arguments are joined with spaces; each is inspected on its own.
console.log('a', 'b', 'c');
console.log('n =', 5, 'list =', [1, 2], 'obj =', { k: 'v' });
console.log(1, '1', [1], ['1']);
console.log(null, undefined, 'end');
console.log('', '');
console.log([], {}, '', 0);
console.log('multi\nline', 'second');
console.log({ a: 1 }, { b: { c: { d: { e: 1 } } } });
const fn = function fooBar() {};
console.log('function:', fn, 'class:', class K {});
console.log('%', '%%', '100%');
console.log(true, 'true', [true]);
