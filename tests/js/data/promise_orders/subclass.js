// A subclass goes through NewPromiseCapability(C): its constructor runs for
// MyPromise.resolve and for every then() (through Symbol.species).
class MyPromise extends Promise {
  constructor(executor) {
    console.log('construct');
    super(executor);
  }
}
const m = MyPromise.resolve(1);
console.log('instance:' + (m instanceof MyPromise));
const d = m.then((v) => console.log('value:' + v));
console.log('derived:' + (d instanceof MyPromise));
console.log('same:' + (MyPromise.resolve(m) === m) + ',' + (Promise.resolve(m) === m));
