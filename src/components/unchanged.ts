type Fields = Readonly<Record<string, unknown>>;

/** Equal field by field, one level into nested objects (a mark's span): what a view's items hold. */
function sameFields(a: Fields, b: Fields): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    return typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && sameFields(x as Fields, y as Fields);
  });
}

/**
 * Hands back, for each item of a new view, the object last handed out under its key when
 * nothing in it has changed. Items that keep their identity from view to view let the chart
 * skip drawing them again (with `guard`): on a step change most marks and labels stay put.
 */
export class Unchanged<T extends object> {
  readonly #lastByKey = new Map<string, T>();

  readonly #keyOf: (item: T) => string;

  constructor(keyOf: (item: T) => string) {
    this.#keyOf = keyOf;
  }

  reuse(items: readonly T[]): T[] {
    return items.map((item) => {
      const key = this.#keyOf(item);
      const last = this.#lastByKey.get(key);
      if (last && sameFields(last as Fields, item as Fields)) return last;
      this.#lastByKey.set(key, item);
      return item;
    });
  }

  /** Forgets every item: after a new story or size, nothing drawn before is worth keeping. */
  clear(): void {
    this.#lastByKey.clear();
  }
}
