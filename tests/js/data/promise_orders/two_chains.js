// Two then-chains on already-resolved promises interleave: one reaction per job, FIFO.
const p1 = Promise.resolve();
const p2 = Promise.resolve();
p1.then(() => console.log('a1')).then(() => console.log('a2')).then(() => console.log('a3'));
p2.then(() => console.log('b1')).then(() => console.log('b2')).then(() => console.log('b3'));
console.log('sync');
