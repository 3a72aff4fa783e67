// return await vs return of a promise inside try/catch: only the former catches.
const log = (s) => console.log(s);
const failing = () => Promise.reject(new Error('rejected'));
async function withReturnAwait() {
  try {
    return await failing();
  } catch (e) {
    return 'caught inside: ' + e.message;
  }
}
async function withPlainReturn() {
  try {
    return failing();
  } catch (e) {
    return 'never: ' + e.message;
  }
}
withReturnAwait().then((v) => log('return await -> ' + v));
withPlainReturn().then(
  (v) => log('plain return -> ' + v),
  (e) => log('plain return rejected -> ' + e.message)
);
async function valueA() {
  return await 'a';
}
async function valueB() {
  return Promise.resolve('b');
}
async function valueC() {
  return 'c';
}
valueB().then(log);
valueA().then(log);
valueC().then(log);
