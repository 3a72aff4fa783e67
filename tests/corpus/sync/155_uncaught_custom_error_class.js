// An uncaught instance of a user Error subclass with an extra property.
class ConfigError extends Error {
  constructor(key) {
    super(`missing config key '${key}'`);
    this.name = 'ConfigError';
    this.key = key;
  }
}
function load(cfg, key) {
  if (!(key in cfg)) throw new ConfigError(key);
  return cfg[key];
}
console.log(load({ host: 'h' }, 'host'));
load({ host: 'h' }, 'port');
