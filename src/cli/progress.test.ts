import { describe, expect, test } from 'vitest';
import { memoryIO } from './io.js';
import { barProgress, lineProgress } from './progress.js';

describe('progress on stderr', () => {
  test('on a terminal: one bar redrawn in place, finished phases kept on lines of their own', () => {
    let written = '';
    let clock = 0;
    const progress = barProgress({ write: (t: string) => (written += t), columns: 100 }, 10, () => clock);
    progress.begin('D-NC', 4);
    clock += 1000;
    progress.advance(2);
    progress.end('D-NC holds');
    progress.begin('L1', 6);
    clock += 1000;
    progress.advance(6);
    progress.close();
    const lines = written.split('\n');
    expect(lines[0]).toContain('D-NC holds');
    // After D-NC (4 of 10 units, its unused 2 counted as done) the bar shows 40%.
    expect(written).toMatch(/\[█+░+\]  40%  L1 0\/6/);
    expect(written).toMatch(/100%  L1 6\/6  0m02s/);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  test('elsewhere: plain lines, one per finished phase, no carriage returns', () => {
    const io = memoryIO();
    const progress = lineProgress(io);
    progress.begin('D-NC', 4);
    progress.advance(4);
    progress.end('D-NC holds');
    progress.close();
    expect(io.stderr()).toBe('D-NC holds\n');
  });
});
