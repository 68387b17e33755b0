import { html, LitElement, nothing, svg, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DAY_MS, DAY_MONTH_YEAR, formatDateRange, toIsoDate } from '../story/dates.ts';
import { kindsOnAxis, type Span, type StoryModel } from '../story/model.ts';
import { layoutTimeline, type Mark, type TimelineLayout } from '../timeline/layout.ts';
import { canvasTextMeasurer, type MeasureText } from '../timeline/measure.ts';
import { symbolPath } from '../timeline/symbols.ts';
import { kindSwatch } from '../views/event-card.ts';
import { describeWhen } from '../views/format.ts';
import { position } from './position.ts';
import timelineCss from './tide-timeline.css?inline';
import { TIMING } from './timing.ts';
import tokensCss from './tokens.css?inline';

const EARLIER_CHEVRON = 'M3,-6L-4,0L3,6';
/** Up to this many events, each mark is its own element and glides as the axis zooms (see marksToDraw). */
const DRAW_EACH_MARK = 200;
/** Up to this many days in view, each day band is its own element and glides as the axis zooms. */
const DRAW_EACH_DAY = 62;

/** What is drawn for one layout: marks as elements, and a large story's other marks as one path per look. */
interface DrawnMarks {
  layout: TimelineLayout;
  marks: Mark[];
  /** The rest of a large story's marks in view, one path per kind and certainty. */
  shared: Array<{ classes: string; d: string }>;
  /** Marks with a window of dates to draw. */
  spans: Mark[];
}

/**
 * The timeline chart. It draws what `layoutTimeline` computes for its size, highlighted
 * events and zoom; it holds no layout logic of its own. Layouts are cached per size and view,
 * so stepping back and forth never recomputes one.
 *
 * @summary A D3-scaled timeline of a story's events, in lanes by kind.
 * @csspart chart - The SVG chart.
 * @csspart legend - The key below the chart.
 */
@customElement('tide-timeline')
export class TideTimeline extends LitElement {
  static override styles = [unsafeCSS(tokensCss), unsafeCSS(timelineCss)];

  /** The story to draw. */
  @property({ attribute: false }) model?: StoryModel;
  /** Ids of the events to emphasise. */
  @property({ attribute: false }) highlight: readonly string[] = [];
  /** Days to zoom the axis to; the whole axis when unset. */
  @property({ attribute: false }) zoom?: Span | undefined;
  /** Draws everything this many times larger, type included, as a projector needs. */
  @property({ type: Number }) scale = 1;
  /**
   * Draw at this size, in CSS pixels, and scale to fit the width, instead of following the
   * element's box. Printing needs it: nothing is measured between "print" and the printout.
   */
  @property({ attribute: false }) drawSize?: { width: number; height: number };

  @state() private size = { width: 0, height: 0 };
  @query('.frame') private frame?: HTMLElement;

  private resizeObserver?: ResizeObserver;
  private measure?: MeasureText;
  private readonly layouts = new Map<string, TimelineLayout>();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.frame) this.observeFrame(this.frame);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override firstUpdated(): void {
    if (this.frame) this.observeFrame(this.frame);
  }

  private drawn = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.drawn && this.frame?.querySelector('.mark')) {
      this.drawn = true;
      performance.mark(TIMING.chartDrawn);
    }
    // Through the CSSOM, not a style attribute, which a strict style-src CSP blocks.
    if (changed.has('drawSize') && this.frame) {
      if (this.drawSize) this.frame.style.setProperty('aspect-ratio', `${this.drawSize.width} / ${this.drawSize.height}`);
      else this.frame.style.removeProperty('aspect-ratio');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) {
      this.layouts.clear();
      this.drawn = false;
    }
  }

  private observeFrame(frame: HTMLElement): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      if (width !== this.size.width || height !== this.size.height) {
        this.layouts.clear();
        this.size = { width, height };
      }
    });
    this.resizeObserver.observe(frame);
  }

  /** The size the layout is computed for: the box, or the fixed drawing size, divided by the scale. */
  private layoutSize(): { width: number; height: number } {
    const { width, height } = this.drawSize ?? this.size;
    const scale = Math.max(this.scale, 0.25);
    return { width: Math.round(width / scale), height: Math.round(height / scale) };
  }

  private currentLayout(model: StoryModel): TimelineLayout {
    const { width, height } = this.layoutSize();
    const key = `${width}x${height}|${this.highlight.join(',')}|${this.zoom?.start ?? ''}-${this.zoom?.end ?? ''}`;
    let layout = this.layouts.get(key);
    if (!layout) {
      // One style read per size, never per scroll: the chart's font, for measuring labels.
      this.measure ??= canvasTextMeasurer(getComputedStyle(this).fontFamily);
      layout = layoutTimeline(model, { width, height, highlight: this.highlight, focus: this.zoom, measure: this.measure });
      this.layouts.set(key, layout);
    }
    return layout;
  }

  private description(model: StoryModel): string {
    const lanes = kindsOnAxis(model).map((kind) => kind.label);
    const parts = [model.t.chartLanes(model.timeline.length, lanes.join(', '))];
    if (model.context.length) parts.push(model.t.chartEarlierNote(model.context.length));
    const highlighted = this.highlight
      .map((id) => model.eventsById.get(id))
      .filter((event) => event !== undefined)
      .map((event) => `${event.title} (${describeWhen(event, model)})`);
    if (highlighted.length) parts.push(model.t.chartHighlighted(highlighted.join('; ')));
    return parts.join(' ');
  }

  private drawnFor?: DrawnMarks;

  /**
   * The marks to draw. A small story draws every mark as its own element, so that marks glide
   * in and out as the axis zooms. A large one draws only its highlighted marks so, and the rest
   * in view as one path per look: a thousand elements entering and leaving would cost a long
   * task on every step.
   */
  private marksToDraw(layout: TimelineLayout): DrawnMarks {
    if (this.drawnFor?.layout === layout) return this.drawnFor;
    const all = layout.marks;
    if (all.length <= DRAW_EACH_MARK) {
      this.drawnFor = { layout, marks: all, shared: [], spans: all.filter((mark) => mark.span) };
      return this.drawnFor;
    }
    const marks: Mark[] = [];
    const paths = new Map<string, string[]>();
    for (const mark of all) {
      if (!mark.inView) continue;
      if (mark.highlighted) {
        marks.push(mark);
        continue;
      }
      const classes = `mark-group kind-${mark.kindIndex + 1} ${mark.certainty}`;
      const path = paths.get(classes) ?? [];
      path.push(symbolPath(mark.symbol, mark.size, mark.x, mark.y));
      paths.set(classes, path);
    }
    const shared = [...paths].map(([classes, path]) => ({ classes, d: path.join('') }));
    this.drawnFor = { layout, marks, shared, spans: all.filter((mark) => mark.inView && mark.span) };
    return this.drawnFor;
  }

  /** Day bands: each its own element for a short axis, so that they glide; one path of the shaded days for a long one. */
  private renderDays(layout: TimelineLayout) {
    const { plot } = layout;
    const bandHeight = plot.bottom - plot.top;
    if (layout.days.length > DRAW_EACH_DAY) {
      const shaded = layout.days.filter((_, index) => index % 2).map((day) => `M${day.x0},${plot.top}H${day.x1}V${plot.bottom}H${day.x0}Z`);
      return svg`<path class="days odd" d=${shaded.join('')}></path>`;
    }
    return repeat(layout.days, (day) => day.start, (day, index) => svg`<rect class="day ${index % 2 ? 'odd' : 'even'}" data-day=${toIsoDate(day.start)} x="0" y="0" width="1" height=${bandHeight} ${position(day.x0, plot.top, day.x1 - day.x0)}></rect>`);
  }

  private renderSpan(mark: Mark) {
    // An expected event is its window; an uncertain date's window is shown while it is discussed.
    if (!mark.span || (mark.certainty === 'uncertain' && !mark.highlighted)) return nothing;
    const classes = `span kind-${mark.kindIndex + 1} ${mark.certainty} ${mark.highlighted ? 'is-highlighted' : ''} ${mark.inView ? '' : 'is-out'}`;
    return mark.certainty === 'expected'
      ? svg`<rect class=${classes} x=${mark.span.x0} y=${mark.y - 8} width=${mark.span.x1 - mark.span.x0} height="16" rx="8"></rect>`
      : svg`<line class=${classes} x1=${mark.span.x0} x2=${mark.span.x1} y1=${mark.y} y2=${mark.y}></line>`;
  }

  private renderChart(model: StoryModel, layout: TimelineLayout) {
    const { plot } = layout;
    const bandHeight = plot.bottom - plot.top;
    const drawn = this.marksToDraw(layout);
    const title = model.t.chartLabel(formatDateRange(layout.domain.start, layout.domain.end - DAY_MS, model.locale, DAY_MONTH_YEAR));
    return html`<svg
      class="chart ${this.highlight.length ? 'has-highlight' : ''}"
      part="chart"
      viewBox="0 0 ${layout.width} ${layout.height}"
      role="img"
      aria-labelledby="chart-title"
      aria-describedby="chart-desc"
    >
      <title id="chart-title">${title}</title>
      <desc id="chart-desc">${this.description(model)}</desc>
      ${this.renderDays(layout)}
      ${layout.asOfX === undefined
        ? nothing
        : svg`<rect class="future" x="0" y="0" width="1" height=${bandHeight} ${position(layout.asOfX, plot.top, Math.max(plot.right - layout.asOfX, 0))}></rect>
            <line class="as-of-line" x1="0" x2="0" y1="0" y2=${plot.bottom - 4} ${position(layout.asOfX, 4)}></line>`}
      ${layout.lanes.map((lane) => svg`<line class="lane-rule" x1=${plot.left} x2=${plot.right} y1=${lane.y1} y2=${lane.y1}></line>`)}
      <line class="axis" x1="0" x2=${layout.width} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${repeat(layout.hours, (x) => x, (x) => svg`<line class="hour" x1="0" x2="0" y1="0" y2="5" ${position(x, plot.bottom)}></line>`)}
      ${drawn.spans.map((mark) => this.renderSpan(mark))}
      ${drawn.shared.map(({ classes, d }) => svg`<path class=${classes} d=${d}></path>`)}
      ${repeat(
        drawn.marks,
        (mark) => mark.id,
        (mark) => svg`<g class="mark kind-${mark.kindIndex + 1} ${mark.certainty} ${mark.highlighted ? 'is-highlighted' : ''} ${mark.inView ? '' : 'is-out'}" data-event-id=${mark.id} ${position(mark.x, mark.y)}>
          <path d=${symbolPath(mark.symbol, mark.size)}></path>
        </g>`,
      )}
      ${layout.earlier
        ? svg`<g class="earlier kind-${layout.earlier.kindIndex + 1} ${layout.earlier.highlighted ? 'is-highlighted' : ''}" ${position(layout.earlier.x, layout.earlier.y)}>
            <path d=${EARLIER_CHEVRON} transform="translate(-5 0)"></path>
            <text x="3" y="4">${layout.earlier.count}</text>
          </g>`
        : nothing}
      ${repeat(
        layout.labels,
        (label) => label.key,
        (label) => svg`<text class="label role-${label.role} ${label.highlighted ? 'is-highlighted' : ''}" text-anchor=${label.anchor} ${position(label.x, label.y)}>${label.text}</text>`,
      )}
    </svg>`;
  }

  private renderLegend(model: StoryModel) {
    const kinds = kindsOnAxis(model);
    const hasExpected = model.timeline.some((event) => event.certainty === 'expected');
    const hasUncertain = model.timeline.some((event) => event.certainty === 'uncertain' && event.window);
    return html`<ul class="legend" part="legend" aria-label=${model.t.chartLegend}>
      ${kinds.map((kind) => html`<li>${kindSwatch(model, kind.id)} ${kind.label}</li>`)}
      ${hasExpected
        ? html`<li class="key-expected"><svg width="22" height="12" aria-hidden="true"><rect x="1" y="1" width="20" height="10" rx="5"></rect></svg> ${model.t.chartExpectedKey}</li>`
        : nothing}
      ${hasUncertain
        ? html`<li class="key-uncertain"><svg width="22" height="12" aria-hidden="true"><line x1="2" x2="20" y1="6" y2="6"></line></svg> ${model.t.chartUncertainKey}</li>`
        : nothing}
      ${model.context.length
        ? html`<li class="key-earlier"><svg width="12" height="14" aria-hidden="true"><path d=${EARLIER_CHEVRON} transform="translate(6 7)"></path></svg> ${model.t.chartEarlierKey}</li>`
        : nothing}
    </ul>`;
  }

  override render() {
    const model = this.model;
    const { width, height } = this.layoutSize();
    const ready = model && width > 0 && height > 0;
    return html`<div class="frame ${this.drawSize ? 'is-fixed' : ''}">${ready ? this.renderChart(model, this.currentLayout(model)) : nothing}</div>
      ${model ? this.renderLegend(model) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tide-timeline': TideTimeline;
  }
}
