// Reading a let/const/class binding before its declaration throws a ReferenceError.
try {
  console.log(early);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
let early = 'now initialised';
console.log(early);
function readLater() {
  return later;
}
try {
  readLater();
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
const later = 42;
console.log(readLater());
{
  try {
    inner = 3;
  } catch (e) {
    console.log('assign before let:', e.message);
  }
  let inner = 1;
  console.log(inner);
}
try {
  new Foo();
} catch (e) {
  console.log(e.message);
}
class Foo {}
console.log(typeof Foo);
