// switch uses strict equality; cases fall through until break.
function days(month) {
  switch (month) {
    case 2:
      return 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}
console.log([1, 2, 4, 9, 12].map(days));
function trace(n) {
  const hits = [];
  switch (n) {
    case 1:
      hits.push('one');
    case 2:
      hits.push('two');
      break;
    case 3:
      hits.push('three');
    default:
      hits.push('default');
  }
  return hits;
}
console.log(trace(1), trace(2), trace(3), trace(4));
switch ('1') {
  case 1:
    console.log('number case');
    break;
  case '1':
    console.log('string case');
    break;
}
