function f() {
  return /x/.test('x');
}
