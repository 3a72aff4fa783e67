// let creates a fresh binding per iteration; var shares one binding.
const withVar = [];
for (var i = 0; i < 3; i++) {
  withVar.push(() => i);
}
const withLet = [];
for (let j = 0; j < 3; j++) {
  withLet.push(() => j);
}
console.log(withVar.map((f) => f()));
console.log(withLet.map((f) => f()));
const iife = [];
for (var k = 0; k < 3; k++) {
  iife.push(
    ((captured) => () => captured)(k)
  );
}
console.log(iife.map((f) => f()));
const mutated = [];
for (let m = 0; m < 6; m++) {
  mutated.push(() => m);
  m++;
}
console.log(mutated.map((f) => f()));
const forOf = [];
for (const word of ['a', 'b', 'c']) {
  forOf.push(() => word.toUpperCase());
}
console.log(forOf.map((f) => f()).join(''));
