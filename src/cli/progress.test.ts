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

describe('progress during one long case', () => {
  test('on a terminal the bar keeps its clock and says what is being done', () => {
    let written = '';
    let clock = 0;
    const progress = barProgress({ write: (t: string) => (written += t), columns: 160 }, 10, () => clock);
    progress.begin('D-SC', 10);
    progress.activity('verifying in decimal at 40 and 80 digits (508 steps)');
    clock += 65_000;
    progress.heartbeat();
    expect(written).toMatch(/D-SC 0\/10 {2}1m05s {2}verifying in decimal at 40 and 80 digits \(508 steps\)/);
  });

  test('elsewhere a line every 15 s says which case is still running and what it does', () => {
    const io = memoryIO();
    let clock = 0;
    const progress = lineProgress(io, () => clock);
    progress.begin('D-SC', 100);
    progress.advance(58);
    progress.activity('verifying in decimal at 40 and 80 digits (508 steps)');
    clock += 10_000;
    progress.heartbeat();
    expect(io.stderr()).toBe('');
    clock += 6_000;
    progress.heartbeat();
    progress.heartbeat();
    expect(io.stderr()).toBe('  D-SC 59/100: still verifying in decimal at 40 and 80 digits (508 steps) after 16 s\n');
  });
});
