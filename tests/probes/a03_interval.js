// @runs 50
// @nondeterministic whether the re-armed interval ties the 10 ms list depends on millisecond boundaries
let n = 0;
const iv = setInterval(() => { console.log('interval', ++n); if (n === 3) clearInterval(iv); }, 5);
setTimeout(() => console.log('timeout 5 created after interval'), 5);
setTimeout(() => console.log('timeout 10'), 10);
