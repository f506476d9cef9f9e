/**
 * Bounds written as formulas, for conjectures: `2*delta0/(eta*T) + C*beta^4*eta^2*rho^2`.
 * A formula is parsed once and evaluated in any backend, so a conjecture's verdicts can be
 * verified in decimal and certified in intervals like a card's; numbers in it are exact texts.
 *
 * Grammar: sums and differences of products and quotients of powers; a power is a^b (right
 * associative; an integer exponent is repeated multiplication, exact in every backend); operands
 * are numbers (0.5, 1e-3), names, calls sqrt(x), exp(x), log(x) (natural), abs(x), min(a, b, ...),
 * max(a, b, ...), and parenthesized formulas; unary minus.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import { powInt } from '../arith/scalar.js';
import { InputError } from '../errors.js';

type Node =
  | { readonly kind: 'number'; readonly text: string; readonly values: WeakMap<object, unknown> }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Node[] };

const FUNCTIONS = ['sqrt', 'exp', 'log', 'abs', 'min', 'max'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

export interface Formula {
  readonly text: string;
  /** The names it uses. */
  readonly names: ReadonlySet<string>;
  evaluate<T>(B: Backend<T>, values: Readonly<Record<string, T>>): T;
}

/**
 * Parses `text`; every name must be in `allowed`. Errors name `field`, the text and the rule
 * (with the position of the problem).
 */
export function parseFormula(field: string, text: string, allowed: readonly string[]): Formula {
  if (typeof text !== 'string' || text.trim() === '') throw new InputError(field, text, 'must be a formula, e.g. "2*delta0/(eta*T) + beta^2*rho^2"');
  const tokens = tokenize(field, text);
  let at = 0;
  const fail = (rule: string, position = tokens[at]?.position ?? text.length): never => {
    throw new InputError(field, text, `${rule} (at character ${position + 1})`);
  };
  const peek = () => tokens[at]?.text;
  const take = (expected?: string) => {
    const token = tokens[at];
    if (token === undefined || (expected !== undefined && token.text !== expected)) fail(expected ? `expected "${expected}"` : 'unexpected end');
    at++;
    return token!;
  };
  const names = new Set<string>();

  /** A left-associative chain of `operand`s joined by `ops` (sums, products). */
  const chain = (ops: readonly ('+' | '-' | '*' | '/')[], operand: () => Node): Node => {
    let node = operand();
    while ((ops as readonly (string | undefined)[]).includes(peek())) {
      const op = take().text as (typeof ops)[number];
      node = { kind: 'binary', op, left: node, right: operand() };
    }
    return node;
  };
  const sum = (): Node => chain(['+', '-'], product);
  const product = (): Node => chain(['*', '/'], unary);
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { kind: 'negate', operand: unary() };
    }
    return power();
  };
  const power = (): Node => {
    const base = primary();
    if (peek() !== '^') return base;
    take();
    return { kind: 'binary', op: '^', left: base, right: unary() };
  };
  const primary = (): Node => {
    const token = tokens[at];
    if (token === undefined) return fail('unexpected end');
    if (token.kind === 'number') {
      at++;
      return { kind: 'number', text: token.text, values: new WeakMap() };
    }
    if (token.text === '(') {
      take();
      const inner = sum();
      take(')');
      return inner;
    }
    if (token.kind === 'name') {
      at++;
      if (peek() === '(') {
        if (!(FUNCTIONS as readonly string[]).includes(token.text)) fail(`unknown function ${token.text} (known: ${FUNCTIONS.join(', ')})`, token.position);
        take('(');
        const args = [sum()];
        while (peek() === ',') {
          take();
          args.push(sum());
        }
        take(')');
        const fn = token.text as FunctionName;
        if (fn !== 'min' && fn !== 'max' && args.length !== 1) fail(`${fn} takes one argument`, token.position);
        return { kind: 'call', fn, args };
      }
      if (!allowed.includes(token.text)) fail(`unknown name ${token.text} (known: ${allowed.join(', ')})`, token.position);
      names.add(token.text);
      return { kind: 'name', name: token.text };
    }
    return fail(`unexpected "${token.text}"`);
  };

  const root = sum();
  if (at < tokens.length) fail(`unexpected "${tokens[at]!.text}"`);
  return { text, names, evaluate: (B, values) => evaluate(B, root, values, field) };
}

interface Token {
  readonly kind: 'number' | 'name' | 'symbol';
  readonly text: string;
  readonly position: number;
}

function tokenize(field: string, text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) {
      const position = at + (text.slice(at).length - text.slice(at).trimStart().length);
      throw new InputError(field, text, `unexpected "${text[position]}" (at character ${position + 1})`);
    }
    const position = match.index + match[0].length - (match[1] ?? match[2] ?? match[3])!.length;
    if (match[1] !== undefined) tokens.push({ kind: 'number', text: match[1], position });
    else if (match[2] !== undefined) tokens.push({ kind: 'name', text: match[2], position });
    else tokens.push({ kind: 'symbol', text: match[3]!, position });
    at = pattern.lastIndex;
  }
  return tokens;
}

function evaluate<T>(B: Backend<T>, node: Node, values: Readonly<Record<string, T>>, field: string): T {
  const at = (n: Node) => evaluate(B, n, values, field);
  switch (node.kind) {
    case 'number': {
      // Parsed once per backend: a card's bound is evaluated at every horizon of every case, and
      // parsing its literals was a quarter of a float64 audit's evaluation.
      let value = node.values.get(B) as T | undefined;
      if (value === undefined) node.values.set(B, (value = parseNumber(B, field, node.text)));
      return value;
    }
    case 'name': {
      const value = values[node.name];
      if (value === undefined) throw new InputError(field, node.name, 'has no value for this instance (e.g. mu for a function that is not strongly convex)');
      return value;
    }
    case 'negate':
      return B.neg(at(node.operand));
    case 'binary': {
      if (node.op === '^') return power(B, at(node.left), node.right, values, field);
      const [a, b] = [at(node.left), at(node.right)];
      return node.op === '+' ? B.add(a, b) : node.op === '-' ? B.sub(a, b) : node.op === '*' ? B.mul(a, b) : B.div(a, b);
    }
    case 'call': {
      const args = node.args.map(at);
      switch (node.fn) {
        case 'sqrt':
          return B.sqrt(args[0]!);
        case 'exp':
          return B.exp(args[0]!);
        case 'log':
          return B.log(args[0]!);
        case 'abs':
          return B.abs(args[0]!);
        case 'min':
          return args.reduce((m, v) => B.min(m, v));
        case 'max':
          return args.reduce((m, v) => B.max(m, v));
      }
    }
  }
}

/** a^b: a whole exponent (a literal, or a name such as T holding a whole number) by repeated squaring, exact in every backend; otherwise exp(b·log a). */
function power<T>(B: Backend<T>, base: T, exponent: Node, values: Readonly<Record<string, T>>, field: string): T {
  const e = evaluate(B, exponent, values, field);
  const n = B.toNumber(e);
  if (Number.isInteger(n) && Math.abs(n) <= 1_000_000 && B.cmp(e, B.fromNumber(n)) === 0) return powInt(B, base, n);
  return B.exp(B.mul(e, B.log(base)));
}
