// Rewritten from the reference probe e06 (.mjs), which printed the loopStart value: an ES
// module's body runs after the event loop has started, so loopStart is already set.
console.log("loopStart > 0:", performance.nodeTiming.loopStart > 0, "idle >= 0:", performance.nodeTiming.idleTime >= 0)
