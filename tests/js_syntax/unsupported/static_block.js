class A {
  static {
    A.ready = true;
  }
}
