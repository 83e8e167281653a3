// Long solves run as generators that yield now and then: the CLI and the bench run them to the end in one go,
// the worker runs them in slices so that a cancel message can arrive between two slices.

export type NetworkPhase = 'lists' | 'greedy' | 'improve' | 'bound' | 'assign';

export interface NetworkProgress {
  phase: NetworkPhase;
  /** 0..1 within the phase (an estimate for the improvement passes). */
  fraction: number;
}

export type Steps<T> = Generator<NetworkProgress, T, void>;

/** Raised when the caller's `shouldStop` said stop: the half-done answer is dropped. */
export class NetworkCancelled extends Error {
  constructor() {
    super('network solve cancelled');
  }
}

export interface RunControl {
  /** Asked at every step: true cancels the solve (NetworkCancelled). */
  shouldStop?: () => boolean;
  onProgress?: (p: NetworkProgress) => void;
}

/** Runs the steps to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>, control: RunControl = {}): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (control.shouldStop?.()) {
      steps.return(undefined as never);
      throw new NetworkCancelled();
    }
    control.onProgress?.(r.value);
  }
}

/** Runs the steps in slices of about `sliceMs`, giving the event loop a turn between slices (messages, cancel). */
export async function runStepsInSlices<T>(steps: Steps<T>, control: RunControl = {}, sliceMs = 30): Promise<T> {
  // a turn first: a cancel or a newer request already queued arrives before any work
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (control.shouldStop?.()) {
    steps.return(undefined as never);
    throw new NetworkCancelled();
  }
  let sliceEnd = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() >= sliceEnd) {
      control.onProgress?.(r.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceEnd = performance.now() + sliceMs;
    }
    if (control.shouldStop?.()) {
      steps.return(undefined as never);
      throw new NetworkCancelled();
    }
  }
}

/** Counts work and says when to yield: every `every` units (a power of two). */
export class Ticker {
  private n = 0;
  constructor(private readonly mask = 4095) {}
  due(units = 1): boolean {
    const before = this.n;
    this.n += units;
    return (before & ~this.mask) !== (this.n & ~this.mask);
  }
}
