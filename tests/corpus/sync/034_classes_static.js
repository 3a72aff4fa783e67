// Static methods live on the class, not on instances.
class Temperature {
  constructor(celsius) {
    this.celsius = celsius;
  }
  static fromFahrenheit(f) {
    return new Temperature(Math.round(((f - 32) * 5) / 9));
  }
  static compare(a, b) {
    return a.celsius - b.celsius;
  }
  describe() {
    return this.celsius + 'C';
  }
}
const temps = [new Temperature(30), Temperature.fromFahrenheit(212), new Temperature(-5)];
temps.sort(Temperature.compare);
console.log(temps.map((t) => t.describe()));
console.log(typeof Temperature.fromFahrenheit, typeof temps[0].fromFahrenheit);
class Registry {
  static add(name) {
    if (!Registry.items) Registry.items = [];
    Registry.items.push(name);
    return this.count();
  }
  static count() {
    return Registry.items.length;
  }
}
console.log(Registry.add('a'), Registry.add('b'));
console.log(Registry.items);
