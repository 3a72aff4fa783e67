// Calling something that is not a function: "x is not a function" in its many forms.
const obj = { notFn: 5, nested: { value: 'str' } };
const cases = [
  () => obj.notFn(),
  () => obj.missing(),
  () => obj.nested.value(),
  () => {
    const x = 1;
    x();
  },
  () => {
    const list = [1, 2];
    list.mapp((v) => v);
  },
  () => 'text'.toUpper(),
  () => {
    const fns = [];
    fns[0]();
  },
  () => {
    let cb;
    cb();
  },
  () => obj['notFn'](),
];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    console.log(e instanceof TypeError, e.message);
  }
}
