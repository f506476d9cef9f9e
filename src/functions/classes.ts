/**
 * The classes of functions the cards are stated over, each containing the next:
 * smooth ⊃ convex ⊃ strongly convex. (Their own module: families and cards both name them.)
 */
export type FunctionClass = 'smooth' | 'convex' | 'strongly-convex';

/** Whether every member of class `inner` is a member of class `outer`. */
export function classContains(outer: FunctionClass, inner: FunctionClass): boolean {
  const depth = { smooth: 0, convex: 1, 'strongly-convex': 2 } as const;
  return depth[inner] >= depth[outer];
}
