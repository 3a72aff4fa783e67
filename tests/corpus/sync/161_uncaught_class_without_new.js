// Forgetting new on a class is fatal when uncaught.
class Service {
  constructor(name) {
    this.name = name;
  }
}
const ok = new Service('first');
console.log(ok);
const broken = Service('second');
console.log(broken);
