/**
 * samcheck as a library: what a researcher's own project imports (`import { ... } from 'samcheck'`).
 * The surface is kept small and stable; everything else is internal and may change.
 *
 * - Define: defineConjecture, defineCard (a theorem stated the same way), defineMethod (with
 *   samAscent), defineFamily, defineOracle.
 * - Check: checkCard (a card or a conjecture over its class, with the verdict ladder) and
 *   judgeCase (one instance); the catalog: CARDS, CONJECTURES, CONSTRUCTIONS, cardById.
 * - Run: executeRun and executeStochasticRun on exact run specs, in any backend.
 * - Arithmetic: float64, doubleDoubleBackend(), quadDoubleBackend(), decimalBackend(p), intervalBackend(p), interval64, and the vector helpers a method or
 *   family is written with.
 * - Generate (fast-check): arbCardCase (the instances a card is checked on), arbFunctionOfClass,
 *   arbQuadraticSpec, arbCosineSpec, arbLogisticSpec, arbPiecewiseQuadraticSpec, arbPoint.
 */
export { defineCard, defineConjecture, MEASURES, type CardSpec, type Conjecture, type ConjectureSpec, type CustomMeasure, type Expectation, type Measure } from './conjectures/define.js';
export { defineMethod, samAscent, type MethodSpec, type UserMethod } from './extend/method.js';
export { defineFamily, type FamilyDefinition, type FamilyMember, type FamilyParameters } from './extend/family.js';
export type { CrossCheckBudget } from './extend/cross-check.js';
export { defineOracle, type OracleDefinition, type OracleParameters } from './extend/oracle.js';
export type { UserOracle } from './oracles/build.js';
export type { OracleSpec } from './oracles/oracle.js';
export type { RandomStream } from './random/seeded.js';
export type { UserFamily } from './functions/index.js';

export { checkCard, type CardCheckOptions, type CardReport, type CardStatus } from './check/check-card.js';
export { judgeCase, LEVELS, type CaseVerdict, type Level } from './check/verdict.js';
export { CARDS, cardById } from './theorems/catalog.js';
export { CONJECTURES } from './conjectures/catalog.js';
export { CONSTRUCTIONS } from './constructions/catalog.js';
export type { Card, Constants, FunctionClass, Observation, RunQuantities, StepQuantities } from './theorems/card.js';

export { executeRun, type RunSpec, type ExecutedRun, type StepSize } from './algorithms/run-spec.js';
export { executeStochasticRun, type StochasticRunSpec, type StochasticRun } from './algorithms/stochastic.js';
export type { Trajectory } from './algorithms/run.js';
export type { Method, DescentInput, Sampling } from './algorithms/ascent.js';
export type { CaseSpec } from './algorithms/case.js';

export type { Backend } from './arith/backend.js';
export { float64 } from './arith/float64.js';
export { decimalBackend } from './arith/decimal.js';
export { doubleDoubleBackend } from './arith/double-double.js';
export { quadDoubleBackend } from './arith/quad-double.js';
export type { VectorKernels } from './arith/kernels.js';
export { intervalBackend } from './arith/interval.js';
export { interval64 } from './arith/interval64.js';
export { add, axpy, dot, norm, normSq, scale, sub, unitVector, type Vec } from './arith/vector.js';
export { buildFunction, type FamilySpec, type SmoothFunction, type ClassCertificate } from './functions/index.js';

export { arbCardCase } from './generators/card-cases.js';
export { arbFunctionOfClass } from './generators/cases.js';
export { arbCosineSpec, arbLogisticSpec, arbPiecewiseQuadraticSpec, arbPoint, arbQuadraticSpec } from './generators/functions.js';
export { InputError } from './errors.js';
