// util.format specifiers as console.log applies them.
Error.stackTraceLimit = 0;
console.log('%s and %s', 'one', 'two');
console.log('%s', 42, 'extra', { a: 1 });
console.log('%s', -0, '%s', 'x');
console.log('%s|%s|%s|%s', null, undefined, true, Symbol('sym'));
console.log('%s', { a: { b: { c: 1 } } });
console.log('%s', [1, [2, [3]]]);
console.log('%s', { toString() { return 'custom toString'; } });
class Shown {
  toString() {
    return 'Shown!';
  }
}
console.log('%s', new Shown());
console.log('%s', new Error('as string'));
console.log('%d %d %d %d', 42, '42.5', 'abc', -0);
console.log('%i %i %i %i', 42.9, '0x1f', '12px', -3.7);
console.log('%f %f %f', '3.25', '1e3xyz', 'none');
console.log('%j', { a: [1, 'two'], b: null });
const circ = { name: 'c' };
circ.self = circ;
console.log('%j', circ);
console.log('%j', undefined);
console.log('%o', [1, 2, { a: 1 }]);
console.log('%o', { x: 1, y: 'two' });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('%c styled %c', 'color: red', 'font-weight: bold');
console.log('100%% sure', 'and more');
console.log('%% alone');
console.log('%s');
console.log('%x %s', 'unknown');
console.log('trailing %');
console.log('no specifiers', 1, 'two', [3]);
console.log(5, '%s', 'not a format');
console.log('%s:%d', 'port', 8080, 'extra', 1);
console.log('%s %s', 'only one');
console.log('%', 1);
