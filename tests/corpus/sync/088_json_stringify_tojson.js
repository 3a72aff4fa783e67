// toJSON methods decide what gets serialised.
class Money {
  constructor(cents) {
    this.cents = cents;
  }
  toJSON() {
    return (this.cents / 100).toFixed(2);
  }
}
console.log(JSON.stringify({ price: new Money(1999), list: [new Money(5)] }));
const withKey = {
  toJSON(key) {
    return 'key was ' + JSON.stringify(key);
  },
};
console.log(JSON.stringify({ field: withKey }));
console.log(JSON.stringify([withKey]));
console.log(JSON.stringify(withKey));
const returnsObj = {
  secret: 1,
  toJSON() {
    return { public: true };
  },
};
console.log(JSON.stringify(returnsObj, null, 2));
const returnsUndef = { toJSON: () => undefined };
console.log(JSON.stringify({ a: returnsUndef, b: 1 }), JSON.stringify(returnsUndef));
