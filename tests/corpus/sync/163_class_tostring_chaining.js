// Fluent method chains returning this, and toString used by templates and String().
class QueryBuilder {
  constructor(table) {
    this.table = table;
    this.wheres = [];
    this.limitN = null;
  }
  where(cond) {
    this.wheres.push(cond);
    return this;
  }
  limit(n) {
    this.limitN = n;
    return this;
  }
  toString() {
    let q = `SELECT * FROM ${this.table}`;
    if (this.wheres.length) q += ' WHERE ' + this.wheres.join(' AND ');
    if (this.limitN !== null) q += ` LIMIT ${this.limitN}`;
    return q;
  }
}
const q = new QueryBuilder('users').where('age > 18').where("name != ''").limit(10);
console.log(`${q}`);
console.log(String(new QueryBuilder('t')));
console.log('' + new QueryBuilder('x').limit(0));
console.log(q);
console.log([String(q).length, q.wheres.length]);
