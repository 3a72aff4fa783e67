// await on thenables that resolve, reject, throw, or never call back.
const log = (s) => console.log(s);
async function run() {
  const v = await { then: (r) => r('resolved value') };
  log('1: ' + v);
  try {
    await { then: (_, rej) => rej(new Error('thenable rejection')) };
  } catch (e) {
    log('2: ' + e.message);
  }
  try {
    await {
      then() {
        throw new Error('thenable threw');
      },
    };
  } catch (e) {
    log('3: ' + e.message);
  }
  const notThenable = await { then: 'not a function', x: 1 };
  log('4: ' + JSON.stringify(notThenable));
  const nested = await { then: (r) => r({ then: (r2) => r2('deep') }) };
  log('5: ' + nested);
}
run().then(() => log('run done'));
async function stuck() {
  await { then() {} };
  log('never printed');
}
stuck();
log('sync end');
