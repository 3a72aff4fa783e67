// Assignment to constant variable, in several shapes.
const shapes = [
  () => {
    const a = 1;
    a = 2;
  },
  () => {
    const b = 1;
    b += 1;
  },
  () => {
    const c = 1;
    c--;
  },
  () => {
    for (const i = 0; i < 2; i++) {}
  },
  () => {
    const [d] = [1];
    d = 5;
  },
  () => {
    const { e } = { e: 1 };
    ({ e } = { e: 2 });
  },
];
for (const s of shapes) {
  try {
    s();
    console.log('no error');
  } catch (err) {
    console.log(err.name, '->', err.message);
  }
}
const ok = { v: 1 };
ok.v = 2;
console.log('object contents can change:', ok.v);
