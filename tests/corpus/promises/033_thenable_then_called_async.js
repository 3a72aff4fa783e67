// A thenable's then method is called in a later job, not synchronously by resolve.
const log = (s) => console.log(s);
const thenable = {
  then(onFulfilled, onRejected) {
    log('then called with ' + typeof onFulfilled + ', ' + typeof onRejected);
    onFulfilled('from thenable');
    onFulfilled('second call ignored');
  },
};
const p = new Promise((resolve) => {
  resolve(thenable);
  log('resolve returned');
});
p.then((v) => log('p fulfilled: ' + v));
const rejecting = {
  then(_, reject) {
    reject(new Error('thenable rejected'));
  },
};
Promise.resolve(rejecting).catch((e) => log(e.message));
const throwing = {
  then() {
    throw new Error('then threw');
  },
};
Promise.resolve(throwing).catch((e) => log(e.message));
log('sync end');
