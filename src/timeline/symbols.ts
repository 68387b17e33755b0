/** SVG path data for mark shapes, centred on 0,0. `size` is the shape's overall width. */
import type { SymbolName } from '../story/schema.ts';

const round = (n: number) => Math.round(n * 100) / 100;

export function symbolPath(symbol: SymbolName, size: number): string {
  const r = size / 2;
  switch (symbol) {
    case 'circle':
      return `M${round(r)},0A${round(r)},${round(r)} 0 1,1 ${round(-r)},0A${round(r)},${round(r)} 0 1,1 ${round(r)},0Z`;
    case 'square': {
      const s = round(r * 0.88);
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case 'triangle': {
      const h = round(r * 1.05);
      return `M0,${-h}L${h},${round(h * 0.8)}H${-h}Z`;
    }
    case 'diamond': {
      const d = round(r * 1.15);
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
    case 'cross': {
      const a = round(r), b = round(r / 3);
      return `M${-b},${-a}H${b}V${-b}H${a}V${b}H${b}V${a}H${-b}V${b}H${-a}V${-b}H${-b}Z`;
    }
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const radius = i % 2 === 0 ? r * 1.1 : r * 0.45;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        points.push(`${round(Math.cos(angle) * radius)},${round(Math.sin(angle) * radius)}`);
      }
      return `M${points.join('L')}Z`;
    }
  }
}
