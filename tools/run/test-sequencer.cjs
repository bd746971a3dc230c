// The order npm test runs the suites in. The services' consumer groups in integration and
// end-to-end tests are new, so each reads the shared topics from offset 0: a suite that starts a
// consumer waits for every event the suites before it published. Unit tests first (no I/O), then
// integration, then end to end, and the suites that publish the most (the need-to-know matrix
// seeds two whole worlds) last, so no suite waits behind them.
const Sequencer = require('@jest/test-sequencer').default;

const kindOrder = ['unit', 'int', 'e2e'];
const last = ['need-to-know.e2e.spec.ts'];

const kindOf = (test) => kindOrder.indexOf(test.path.match(/\.(unit|int|e2e)\.spec\.ts$/)?.[1] ?? 'e2e');
const isLast = (test) => last.some((name) => test.path.endsWith(name));

class MuktiSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => kindOf(a) - kindOf(b) || Number(isLast(a)) - Number(isLast(b)) || a.path.localeCompare(b.path));
  }
}

module.exports = MuktiSequencer;
