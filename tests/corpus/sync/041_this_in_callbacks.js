// this inside callbacks: arrows keep the method's this.
class Team {
  constructor(name, members) {
    this.name = name;
    this.members = members;
  }
  roster() {
    return this.members.map((m) => `${m}@${this.name}`);
  }
  rosterWithThisArg() {
    return this.members.map(function (m) {
      return m + '#' + this.name;
    }, this);
  }
  countLong(min) {
    let n = 0;
    this.members.forEach((m) => {
      if (m.length >= min) n++;
    });
    return `${this.name}: ${n}`;
  }
}
const t = new Team('red', ['ann', 'bob', 'carla']);
console.log(t.roster());
console.log(t.rosterWithThisArg());
console.log(t.countLong(4));
const obj = {
  label: 'obj',
  nested: {
    label: 'nested',
    who() {
      return this.label;
    },
  },
  arrowWho: () => typeof this,
};
console.log(obj.nested.who());
console.log(obj.arrowWho());
