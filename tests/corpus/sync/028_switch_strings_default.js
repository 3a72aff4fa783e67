// default may sit anywhere; it is chosen only when no case matches.
function kind(x) {
  switch (typeof x) {
    default:
      return 'other';
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(x) ? 'int' : 'float';
  }
}
console.log(kind('a'), kind(1), kind(1.5), kind(null), kind(undefined));
function mid(x) {
  const out = [];
  switch (x) {
    case 'a':
      out.push('a');
    default:
      out.push('d');
    case 'b':
      out.push('b');
  }
  return out.join('');
}
console.log(mid('a'), mid('b'), mid('z'));
const v = 5;
switch (true) {
  case v < 0:
    console.log('negative');
    break;
  case v < 10:
    console.log('small');
    break;
  default:
    console.log('large');
}
