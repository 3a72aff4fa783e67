class A {
  async *each() {}
}
