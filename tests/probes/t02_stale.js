// Rewritten from the reference probe t02, which printed when A ended and when B fired: B was
// due while A still busy-waited, and it fires only once A has ended.
const t0 = performance.now();
let aEnd = 0;
setTimeout(() => { const s = Date.now(); while (Date.now() - s < 20); aEnd = performance.now(); console.log('A done'); }, 1);
setTimeout(() => console.log('B (10ms) fired after A ended:', aEnd > 0 && performance.now() >= aEnd, 'after t0:', performance.now() > t0), 10);
