// extends and super: constructor chaining, method overriding and super.method().
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a sound`;
  }
  static create(name) {
    return new this(name);
  }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() {
    return super.speak() + ' (woof)';
  }
}
class Puppy extends Dog {
  speak() {
    return super.speak().toUpperCase();
  }
}
const a = new Animal('generic');
const d = new Dog('rex', 'lab');
const p = new Puppy('bit', 'pug');
console.log(a.speak());
console.log(d.speak());
console.log(p.speak());
console.log(d);
console.log(p);
console.log(p instanceof Puppy, p instanceof Dog, p instanceof Animal, a instanceof Dog);
const made = Dog.create('static');
console.log(made, made instanceof Dog);
class NoCtor extends Animal {}
console.log(new NoCtor('inherited ctor').speak());
