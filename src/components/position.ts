import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Places an SVG element with a CSS transform set through the CSSOM. Unlike a `style`
 * attribute this passes a strict style-src CSP, and unlike the SVG `transform` attribute
 * CSS can transition it, so marks glide when the axis zooms.
 */
class PositionDirective extends Directive {
  #transform?: string;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('position() must be used on an element');
  }

  override render(_x: number, _y: number, _scaleX?: number) {
    return nothing;
  }

  override update(part: ElementPart, [x, y, scaleX]: [number, number, number?]) {
    const scale = scaleX === undefined ? '' : ` scaleX(${scaleX})`;
    const transform = `translate(${x}px, ${y}px)${scale}`;
    // Most elements stay put on a step change; setting the same value again still costs a parse.
    if (transform !== this.#transform) (part.element as SVGElement).style.setProperty('transform', transform);
    this.#transform = transform;
    return nothing;
  }
}

export const position = directive(PositionDirective);
