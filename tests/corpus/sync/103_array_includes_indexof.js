// includes uses SameValueZero (finds NaN); indexOf uses strict equality.
const arr = [1, 2, NaN, '3', 2, -0];
console.log(arr.includes(2), arr.includes(3), arr.includes('3'));
console.log(arr.includes(NaN), arr.indexOf(NaN));
console.log(arr.indexOf(2), arr.lastIndexOf(2), arr.indexOf(2, 2), arr.lastIndexOf(2, 3));
console.log(arr.includes(0), arr.indexOf(0), arr.indexOf(-0));
console.log(arr.indexOf('2'), arr.indexOf(99), arr.lastIndexOf(99));
console.log(arr.includes(1, 1), arr.includes(2, -2));
const obj = { a: 1 };
const list = [obj, { a: 1 }];
console.log(list.includes(obj), list.indexOf({ a: 1 }), list.indexOf(obj));
console.log([undefined].includes(), [].includes(undefined));
console.log(['a', 'b', 'a'].lastIndexOf('a'), ['x'].indexOf('x', -5));
