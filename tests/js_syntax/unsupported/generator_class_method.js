class Bag {
  *[Symbol.iterator]() {}
}
