// Anything can be thrown: strings, numbers, objects, undefined.
const throwers = [
  () => {
    throw 'a string';
  },
  () => {
    throw 42;
  },
  () => {
    throw { code: 'E1', detail: [1, 2] };
  },
  () => {
    throw undefined;
  },
  () => {
    throw null;
  },
  () => {
    throw new RangeError('out of range');
  },
];
for (const t of throwers) {
  try {
    t();
  } catch (e) {
    console.log(typeof e, e instanceof Error, e === undefined ? 'undef' : e === null ? 'null' : 'value');
    if (e && e.code) console.log(e.code, e.detail);
    if (e instanceof Error) console.log(e.name, e.message);
    if (typeof e !== 'object') console.log(e);
  }
}
