// Calling class constructors without new, and other constructor misuse.
class Account {
  constructor(owner) {
    this.owner = owner;
  }
}
class Savings extends Account {}
for (const C of [Account, Savings]) {
  try {
    C('me');
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
const Anon = class {};
try {
  Anon();
} catch (e) {
  console.log(e.message);
}
const holder = { Cls: class Inner {} };
try {
  holder.Cls();
} catch (e) {
  console.log(e.message);
}
const method = { m() {} }.m;
try {
  new method();
} catch (e) {
  console.log(e.message);
}
console.log(new Savings('you'));
