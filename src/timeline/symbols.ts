/**
 * SVG path data for mark shapes. `size` is the shape's overall width; the shape is centred on
 * `x`, `y` (0,0 by default), so that many marks can share one path.
 */
import type { SymbolName } from '../story/schema.ts';

const round = (n: number) => Math.round(n * 100) / 100;

export function symbolPath(symbol: SymbolName, size: number, x = 0, y = 0): string {
  const r = size / 2;
  // A closed polygon through points given relative to the centre.
  const polygon = (points: ReadonlyArray<readonly [number, number]>) => `M${points.map(([px, py]) => `${round(x + px)},${round(y + py)}`).join('L')}Z`;
  switch (symbol) {
    case 'circle':
      return `M${round(x + r)},${round(y)}A${round(r)},${round(r)} 0 1,1 ${round(x - r)},${round(y)}A${round(r)},${round(r)} 0 1,1 ${round(x + r)},${round(y)}Z`;
    case 'square': {
      const s = r * 0.88;
      return polygon([[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case 'triangle': {
      const h = r * 1.05;
      return polygon([[0, -h], [h, h * 0.8], [-h, h * 0.8]]);
    }
    case 'diamond': {
      const d = r * 1.15;
      return polygon([[0, -d], [d, 0], [0, d], [-d, 0]]);
    }
    case 'cross': {
      const a = r, b = r / 3;
      return polygon([[-b, -a], [b, -a], [b, -b], [a, -b], [a, b], [b, b], [b, a], [-b, a], [-b, b], [-a, b], [-a, -b], [-b, -b]]);
    }
    case 'star':
      return polygon(
        Array.from({ length: 10 }, (_, i) => {
          const radius = i % 2 === 0 ? r * 1.1 : r * 0.45;
          const angle = (Math.PI / 5) * i - Math.PI / 2;
          return [Math.cos(angle) * radius, Math.sin(angle) * radius] as const;
        }),
      );
  }
}

const centredPaths = new Map<string, string>();

/** The shape centred on 0,0. A chart draws the same few on every step: each is built once. */
export function centredSymbolPath(symbol: SymbolName, size: number): string {
  const key = symbol + size;
  let path = centredPaths.get(key);
  if (path === undefined) centredPaths.set(key, (path = symbolPath(symbol, size)));
  return path;
}
