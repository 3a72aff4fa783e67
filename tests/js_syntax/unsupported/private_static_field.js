class A {
  static #instances = 0;
}
