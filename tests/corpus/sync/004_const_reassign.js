// Assigning to a const binding throws a TypeError; its object contents stay mutable.
const limit = 10;
try {
  limit = 11;
} catch (e) {
  console.log(e.name, '-', e.message);
}
console.log(limit);
const list = [1, 2];
list.push(3);
console.log(list);
try {
  list = [];
} catch (e) {
  console.log(e instanceof TypeError);
}
const counter = 0;
try {
  counter++;
} catch (e) {
  console.log('++ on const:', e.message);
}
try {
  const inLoop = 1;
  for (const v of [1, 2]) {
    console.log('const per iteration', v);
  }
  inLoop += 1;
} catch (e) {
  console.log('+= on const:', e.message);
}
