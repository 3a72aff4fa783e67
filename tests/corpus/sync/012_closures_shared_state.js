// Closures created in the same scope share the captured variables.
function bank(initial) {
  let balance = initial;
  const history = [];
  function record(kind, amount) {
    history.push(`${kind} ${amount} -> ${balance}`);
  }
  return {
    deposit(n) {
      balance += n;
      record('deposit', n);
    },
    withdraw(n) {
      if (n > balance) {
        record('refused', n);
        return false;
      }
      balance -= n;
      record('withdraw', n);
      return true;
    },
    log: () => history.slice(),
  };
}
const acct = bank(50);
acct.deposit(25);
console.log(acct.withdraw(100));
console.log(acct.withdraw(30));
for (const line of acct.log()) console.log(line);
let shared = 'before';
const read = () => shared;
shared = 'after';
console.log(read());
