// %o and %O inspect their argument (%o shows more detail for some values).
console.log('%O', { a: 1, b: { c: [1, 2] } });
console.log('%o', { a: 1, b: 'str' });
console.log('%O', [1, 'two']);
console.log('%o', [1, 2, 3]);
console.log('%O', 'a string');
console.log('%o', 'a string');
console.log('%O', 42);
console.log('%O', { deep: { deeper: { deepest: { bottom: 1 } } } });
console.log('value: %O end', null);
console.log('%O and %O', [], {});
