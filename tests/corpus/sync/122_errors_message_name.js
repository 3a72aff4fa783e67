// Error objects: name, message, String() and the built-in subclasses.
const errors = [
  new Error('plain'),
  new TypeError('wrong type'),
  new RangeError('too big'),
  new ReferenceError('missing'),
  new SyntaxError('bad syntax'),
  new Error(),
  new Error(42),
  new Error(undefined),
];
for (const e of errors) {
  console.log(e.name, '|', JSON.stringify(e.message), '|', String(e));
}
const e = new Error('mutable');
e.name = 'CustomName';
e.message = 'changed';
console.log(String(e), e.toString());
const noMsg = new TypeError();
console.log(`${noMsg}`, noMsg.message === '');
console.log(typeof new Error().stack, Error('without new').message);
console.log(Object.keys(new Error('keys')), 'message' in new Error('x'));
