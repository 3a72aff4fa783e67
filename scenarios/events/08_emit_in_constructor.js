// @title  Emitting from a constructor is too early
// @lesson A listener can only be attached after the constructor returns, so an event emitted inside
// @lesson the constructor is lost; deferring the emit with process.nextTick fixes it.
// @runs   50
const EventEmitter = require('events');

class EagerThing extends EventEmitter {
  constructor() {
    super();
    this.emit('ready');
  }
}

class PatientThing extends EventEmitter {
  constructor() {
    super();
    process.nextTick(() => this.emit('ready'));
  }
}

new EagerThing().on('ready', () => console.log('eager ready (never printed)'));
new PatientThing().on('ready', () => console.log('patient ready'));
console.log('both created');
