// A runtime TypeError that nobody catches.
const config = { server: { port: 8080 } };
console.log('port', config.server.port);
function readTimeout(cfg) {
  return cfg.client.timeout;
}
const safe = config.client?.timeout ?? 'no client section';
console.log('optional chaining is safe:', safe);
console.log('reading timeout...');
readTimeout(config);
console.log('never printed');
