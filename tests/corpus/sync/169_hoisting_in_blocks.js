// Functions hoisted within a block, and var declared inside nested blocks and loops.
{
  console.log(early());
  function early() {
    return 'hoisted to the top of its block';
  }
}
function scope() {
  if (true) {
    var inIf = 'var in if';
  }
  for (var i = 0; i < 2; i++) {
    var inLoop = i;
  }
  try {
    var inTry = 'var in try';
  } catch (e) {}
  return [inIf, inLoop, i, inTry];
}
console.log(scope());
var counter = 1;
function shadowed() {
  console.log('before', counter);
  var counter = 2;
  console.log('after', counter);
}
shadowed();
console.log('global', counter);
