// Long start-up work (simplifying the MDL and the basemap, building their layers) is cut into
// slices of a few milliseconds with a yield to the browser between them, so input, frames and
// SignalR messages are never held up for longer than a slice (the long-task budget is 100 ms, and
// on a loaded machine a slice of CPU time can take several times as long on the wall clock).

/** Lets the browser run input, rendering and other tasks, then continues. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) {
    return scheduler.yield();
  }

  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the browser has rendered a frame (style, layout, paint of what changed before). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Call slice() between units of work: it yields once the current slice has run for budgetMs. */
export class TimeSlicer {
  private started = performance.now();

  constructor(private readonly budgetMs = 6) {}

  async slice(): Promise<void> {
    if (performance.now() - this.started >= this.budgetMs) {
      await yieldToMain();
      this.started = performance.now();
    }
  }
}
