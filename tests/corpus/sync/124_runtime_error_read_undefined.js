// Reading properties of undefined or null: node's exact TypeError messages.
const cases = [
  () => undefined.x,
  () => null.x,
  () => {
    const obj = {};
    return obj.missing.deeper;
  },
  () => {
    const arr = [];
    return arr[0].name;
  },
  () => {
    let u;
    return u[0];
  },
  () => {
    const n = null;
    n.value = 1;
  },
  () => {
    let u;
    u.count++;
  },
  () => {
    const o = { a: null };
    return o.a.b;
  },
];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
