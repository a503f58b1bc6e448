/**
 * How deeply a parsed JSON value nests objects and arrays, measured without recursion: a value
 * nested thousands deep parses fine but overflows the stack of whatever walks it recursively
 * next (zod, JSON.stringify, structuredClone), so untrusted values are measured first.
 */

/** Whether `value` nests objects or arrays more than `limit` levels deep (`{}` is 1, a scalar 0); stops at the first that does. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: object; depth: number }> = [];
  if (value !== null && typeof value === 'object') stack.push({ value, depth: 1 });
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child as object, depth: depth + 1 });
    }
  }
  return false;
}
