// typeof for every kind of value, including the famous typeof null.
const values = [
  undefined,
  null,
  true,
  0,
  -1.5,
  NaN,
  Infinity,
  'str',
  '',
  [],
  {},
  function () {},
  () => {},
  class {},
  Symbol('s'),
  new Error('e'),
  Math,
  JSON,
  console.log,
];
console.log(values.map((v) => typeof v).join(' '));
console.log(typeof undeclaredVariable);
console.log(typeof typeof 1);
console.log(typeof null === 'object', null instanceof Object);
console.log(typeof String(1), typeof Number('2'), typeof Boolean(0));
console.log(typeof [] === typeof {}, Array.isArray([]), Array.isArray({}));
