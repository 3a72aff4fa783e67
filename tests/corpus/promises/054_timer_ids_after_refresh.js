// A Timeout's primitive is its async id. refresh() of a timer that already fired makes it
// anew, with a new id (Node's insertGuarded); refresh() of a pending one keeps its id.
// (Ids are compared, not printed: writes to a pipe take async ids of their own.)
const t = setTimeout(() => console.log('t fired, first id', +t === firstId), 1);
const firstId = +t;
const pending = setTimeout(() => console.log('pending fired, same id', +pending === pendingId), 20);
const pendingId = +pending;
let refreshedId = 0;
setTimeout(() => {
  console.log('t before refresh keeps its id', +t === firstId, t.hasRef());
  t.refresh();
  refreshedId = +t;
  console.log('t after refresh has a new id', refreshedId > firstId, t.hasRef());
  t.unref();
  console.log('unref', t.hasRef());
  t.ref();
  pending.refresh();
  console.log('pending keeps its id', +pending === pendingId);
  setTimeout(() => console.log('t fired again with its new id', +t === refreshedId), 3);
}, 5);
const i = setInterval(() => {
  const id = +i;
  clearInterval(i);
  i.refresh(); // cleared: refresh does nothing
  console.log('cleared interval keeps its id', +i === id, i.hasRef());
}, 2);
