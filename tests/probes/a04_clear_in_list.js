// @runs 50
// @nondeterministic T1 runs before the immediates only if a millisecond passed before the loop started
let t2;
setTimeout(() => { console.log('T1'); clearTimeout(t2); }, 0);
t2 = setTimeout(() => console.log('T2 never'), 0);
const i1 = setImmediate(() => { console.log('I1'); clearImmediate(i2); });
const i2 = setImmediate(() => console.log('I2 never'));
setImmediate(() => console.log('I3'));
