// @runs 20
// process.stdout.write and process.stderr.write: strings in an encoding, Buffers, the
// return value, the callback's argument, and the errors for a bad chunk or encoding.
const r = process.stdout.write('a\n', (e) => console.log('callback', e));
console.log(r, typeof process.stdout.write, process.stdout.isTTY, process.stdout.fd, process.stderr.fd);
setTimeout(() => {
  process.stdout.write('c');
  process.stdout.write('\n', () => console.log('callback in a timer'));
  process.stdout.write(Buffer.from('a buffer\n'));
  process.stdout.write('68690a', 'hex');
  try { process.stdout.write(123); } catch (e) { console.log(e.code, e.message); }
  try { process.stdout.write('a', 'nope'); } catch (e) { console.log(e.code, e.message); }
  process.stderr.write('to stderr\n', () => console.log('stderr callback'));
}, 0);
