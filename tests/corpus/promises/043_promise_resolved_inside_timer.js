// A promise resolved by a timer: its reactions run right after that timer's callback.
const log = (s) => console.log(s);
const sleep0 = (label) =>
  new Promise((resolve) =>
    setTimeout(() => {
      log('timer fires: ' + label);
      resolve(label);
    }, 0)
  );
async function main() {
  log('main start');
  const a = await sleep0('first');
  log('awaited ' + a);
  const b = await sleep0('second');
  log('awaited ' + b);
  const both = await Promise.all([sleep0('x'), sleep0('y')]);
  log('all: ' + both.join(','));
}
main().then(() => log('main done'));
log('sync end');
