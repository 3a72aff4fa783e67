// continue inside a switch inside a loop continues the loop.
const commands = ['add 5', 'skip', 'mul 3', 'noop', 'sub 4', 'stop', 'add 100'];
let acc = 0;
const log = [];
loop: for (const cmd of commands) {
  const [op, arg] = cmd.split(' ');
  const n = Number(arg);
  switch (op) {
    case 'add':
      acc += n;
      break;
    case 'sub':
      acc -= n;
      break;
    case 'mul':
      acc *= n;
      break;
    case 'skip':
    case 'noop':
      continue;
    case 'stop':
      break loop;
    default:
      log.push('unknown ' + op);
  }
  log.push(`${cmd} => ${acc}`);
}
console.log(log);
console.log('final', acc);
