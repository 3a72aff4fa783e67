// %o: showHidden (non-enumerable keys in brackets, arrays' [length]) and depth 4.
const arrow = () => {};
console.log('%o', arrow);
console.log('%o', function strict() {
  'use strict';
});
console.log('%o', { a: { b: { c: { d: { e: 1 } } } } });
console.log('%o', [[1, [2]], 'x']);
const withHidden = { shown: 1 };
Object.defineProperty(withHidden, 'hidden', { value: 2, enumerable: false });
console.log('%o', withHidden);
console.log('%o', 'a string', 42);
console.log('%O', withHidden);
