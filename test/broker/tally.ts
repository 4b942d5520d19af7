/** Pass/fail counts of a broker-layer script; failures are printed as they happen. */
export class Tally {
  passed = 0;
  failed = 0;

  check(name: string, ok: boolean, detail: string): void {
    if (ok) {
      this.passed++;
    } else {
      this.failed++;
      console.log(`FAIL ${name}: ${detail}`);
    }
  }

  /** Prints `LAYER_RESULT <layer> <passed> <failed>` (read by scripts/test-all.mjs) and sets the exit code. */
  finish(layer: string, summary: string): void {
    console.log(`${summary}: ${this.passed} passed, ${this.failed} failed`);
    console.log(`LAYER_RESULT ${layer} ${this.passed} ${this.failed}`);
    process.exitCode = this.failed > 0 ? 1 : 0;
  }
}
