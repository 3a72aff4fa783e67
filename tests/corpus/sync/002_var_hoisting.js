// var declarations are hoisted (initialised to undefined); function declarations are hoisted whole.
console.log(x);
var x = 5;
console.log(x);
function show() {
  console.log('inside', y);
  var y = 'later';
  console.log('inside', y);
}
show();
console.log(typeof hoisted, hoisted());
function hoisted() {
  return 'hoisted result';
}
function shadow() {
  var x = 'local';
  if (false) {
    var never = 1;
  }
  console.log(x, never);
}
shadow();
console.log(x);
var x;
console.log(x);
for (var k = 0; k < 3; k++) {}
console.log('k after loop', k);
