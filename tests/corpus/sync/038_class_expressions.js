// Class expressions, anonymous and named, and classes as values.
const Named = class Inner {
  who() {
    return typeof Inner;
  }
};
console.log(Named.name, new Named().who());
const Anon = class {
  constructor(v) {
    this.v = v;
  }
};
console.log(Anon.name, new Anon(1));
function mixinTag(Base, tag) {
  return class extends Base {
    tag() {
      return tag + ':' + this.v;
    }
  };
}
const Tagged = mixinTag(Anon, 'T');
console.log(new Tagged(5).tag());
const classes = [class A {}, class B {}];
console.log(classes.map((C) => C.name));
console.log(Named, Anon);
console.log(typeof class {});
