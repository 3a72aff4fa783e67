// await inside for, for...of and while loops runs iterations one after another.
const log = (s) => console.log(s);
const wait = (v) => Promise.resolve(v);
async function sequential() {
  const out = [];
  for (const v of ['a', 'b', 'c']) {
    out.push(await wait(v));
    log('sequential got ' + v);
  }
  return out;
}
async function counting() {
  let i = 0;
  while (i < 3) {
    await null;
    log('counting ' + i);
    i++;
  }
  for (let j = 0; j < 2; j++) {
    log('for ' + (await wait(j * 10)));
  }
}
sequential().then((out) => log('sequential done ' + out.join('')));
counting().then(() => log('counting done'));
log('sync end');
