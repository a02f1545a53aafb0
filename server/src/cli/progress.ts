import { CliIo } from './io';

/** More files than this and a progress line is shown on stderr. */
const PROGRESS_THRESHOLD = 300;
const PROGRESS_EVERY_LINE = 500;

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the line a terminal shows. */
  end(): void;
}

/** On a terminal one line redrawn at most every 100 ms; elsewhere a line every 500 files. */
export function progressReporter(io: CliIo): Progress {
  const tty = !!io.stderr.isTTY;
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (total <= PROGRESS_THRESHOLD) return;
      if (tty) {
        const now = Date.now();
        if (done !== total && now - lastDraw < 100) return;
        lastDraw = now;
        io.stderr.write(`\rchecking files: ${done}/${total}`);
        shown = true;
      } else if (done % PROGRESS_EVERY_LINE === 0) {
        io.stderr.write(`checking files: ${done}/${total}\n`);
      }
    },
    end() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
