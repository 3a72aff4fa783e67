class A {
  #helper() {}
}
