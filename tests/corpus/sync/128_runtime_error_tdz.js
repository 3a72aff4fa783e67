// "Cannot access 'x' before initialization" for let, const and class bindings.
function readLet() {
  const before = value;
  let value = 1;
  return before;
}
function readConst() {
  return [limit, 0];
  const limit = 5;
}
function useClass() {
  const i = new Later();
  class Later {}
  return i;
}
function selfRef() {
  let x = x + 1;
  return x;
}
for (const f of [readLet, readConst, useClass, selfRef]) {
  try {
    f();
  } catch (e) {
    console.log(f.name, '|', e.name, '|', e.message);
  }
}
try {
  (function () {
    console.log(typeof tdz);
    let tdz = 1;
  })();
} catch (e) {
  console.log('typeof in TDZ:', e.message);
}
