class Counter {
  #count = 0;
}
