// node rejects this file too: a syntax error
function f() {
  if (x) {
    g();
}
