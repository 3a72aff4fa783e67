// Promise.all rejects on the first rejection; the other inputs still run to completion.
const log = (s) => console.log(s);
const slowly = (label, ticks, fail) =>
  (async () => {
    for (let i = 0; i < ticks; i++) await null;
    log(label + (fail ? ' rejects' : ' fulfils'));
    if (fail) throw new Error(label);
    return label;
  })();
Promise.all([slowly('a', 4), slowly('b', 1, true), slowly('c', 2, true), slowly('d', 6)])
  .then(() => log('not reached'))
  .catch((e) => log('all rejected with ' + e.message));
Promise.allSettled([slowly('e', 1, true), slowly('f', 2)]).then((rs) =>
  log('allSettled: ' + rs.map((r) => r.status).join(','))
);
