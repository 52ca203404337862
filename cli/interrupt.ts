// SIGINT (Ctrl-C) and SIGTERM while a search runs: the first one aborts the search, which ends
// `incomplete: interrupted (SIGINT)` and still prints every verdict found so far (and writes
// --json, --itf); a second one ends klpc at once. Once the report is out, klpc ends by the signal
// it received, so that shells and make see an interrupted program (status 130 or 143) and stop,
// as they do for any other; exiting normally with 130 would let a shell loop run on.

export interface Interrupts {
  readonly signal: AbortSignal; // aborted with the signal's name as reason
  finish(): void; // stops listening; if a signal came, ends the process by it
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function processInterrupts(): Interrupts {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) raise(sig);
    controller.abort(sig);
  };
  for (const s of SIGNALS) process.on(s, handler);
  const stop = () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  return {
    signal: controller.signal,
    finish: () => {
      stop();
      if (controller.signal.aborted) raise(controller.signal.reason as NodeJS.Signals);
    },
  };

  function raise(sig: NodeJS.Signals): void {
    stop(); // the default action: termination by the signal
    process.kill(process.pid, sig);
  }
}

// What the shell reports for a process the signal ended: 128 + its number.
export function signalStatus(sig: string): number {
  return sig === 'SIGTERM' ? 143 : 130;
}
