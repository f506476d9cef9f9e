/**
 * The conjectures and contrasts of THEOREMS.md §5 that the suite checks.
 */
import type { Card } from '../theorems/card.js';
import { C4 } from './c4.js';

export const CONJECTURES: readonly Card[] = [C4];
