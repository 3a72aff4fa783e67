// @runs 50
// @nondeterministic on a loaded machine the 1 ms timers can be created a millisecond after A2, tying its list
const log = (s) => console.log(s);
setTimeout(() => log('A2'), 2);
setTimeout(() => log('B1'), 1);
setTimeout(() => log('C0'), 0);
setTimeout(() => log('D1'), 1);
setTimeout(() => log('E-neg'), -5);
setTimeout(() => log('F-str'), '1');
setTimeout(() => log('G-nan'), 'abc');
const t0 = Date.now(); while (Date.now() - t0 < 20);
