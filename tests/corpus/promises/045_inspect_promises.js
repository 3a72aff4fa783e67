// console.log of promises shows their state and value.
const fulfilled = Promise.resolve(42);
const pending = new Promise(() => {});
const rejected = Promise.reject(new Error('nope'));
rejected.catch(() => {});
const withObject = Promise.resolve({ a: [1, 2] });
console.log(fulfilled);
console.log(pending);
console.log(withObject);
console.log([fulfilled, Promise.resolve('str')]);
const later = Promise.resolve().then(() => 'later');
console.log(later);
later.then(() => console.log(later));
(async () => 'async result')().then(() => {});
const asyncResult = (async () => 'async result')();
console.log(asyncResult);
const rejectedString = Promise.reject('plain reason');
rejectedString.catch(() => {});
console.log(rejectedString);
