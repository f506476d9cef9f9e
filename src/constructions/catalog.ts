/**
 * Every construction case the suite keeps as a file in counterexamples/.
 */
import type { ConstructionCase } from './construction.js';
import { LB_D_NC_A_CASES } from './lb-d-nc-a.js';
import { LB_D_NC_B } from './lb-d-nc-b.js';
import { LB_D_NC_C } from './lb-d-nc-c.js';
import { LB_D_SC_CYCLE, LB_D_SC_RATE } from './lb-d-sc.js';
import { LB_S } from './lb-s.js';
import { LB_D_SC_STEP } from './overshoot.js';
import { LB_D_NC_Q } from './quadratic-cycle.js';

export const CONSTRUCTIONS: readonly ConstructionCase[] = [LB_D_SC_CYCLE, LB_D_SC_RATE, LB_D_SC_STEP, ...LB_D_NC_A_CASES, LB_D_NC_B, LB_D_NC_C, LB_D_NC_Q, LB_S];
