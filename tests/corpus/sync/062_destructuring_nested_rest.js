// Deeper destructuring patterns with defaults at several levels.
const config = {
  server: { host: 'localhost', ports: [8080, 8443] },
  debug: false,
};
const {
  server: {
    host,
    ports: [httpPort, httpsPort, extraPort = 9000],
  },
  debug,
  client: { timeout = 30 } = {},
} = config;
console.log(host, httpPort, httpsPort, extraPort, debug, timeout);
const rows = [
  { id: 1, point: [0, 0] },
  { id: 2, point: [3, 4] },
];
for (const {
  id,
  point: [px, py],
} of rows) {
  console.log(id, Math.hypot(px, py));
}
const { a, ...rest } = { a: 1, b: 2, c: { d: 3 } };
rest.c.d = 99;
console.log(a, rest);
const [[, inner = 'def'] = []] = [[1]];
console.log(inner);
