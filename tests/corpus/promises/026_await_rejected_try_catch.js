// await of a rejected promise throws at the await; try/catch/finally work across it.
const log = (s) => console.log(s);
async function load(ok) {
  try {
    log('loading ' + ok);
    const v = await (ok ? Promise.resolve('data') : Promise.reject(new Error('load failed')));
    log('loaded ' + v);
    return v;
  } catch (e) {
    log('caught ' + e.message);
    return 'fallback';
  } finally {
    log('finally for ' + ok);
  }
}
async function main() {
  log('result: ' + (await load(true)));
  log('result: ' + (await load(false)));
  try {
    await Promise.reject(new TypeError('direct'));
  } catch (e) {
    log('direct caught ' + e.name);
  }
}
main().then(() => log('main done'));
log('sync end');
