import { html, LitElement, nothing, svg, unsafeCSS, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { DAY_MS, DAY_MONTH_YEAR, formatDateRange } from '../story/dates.ts';
import { kindsOnAxis, type Span, type StoryModel } from '../story/model.ts';
import { layoutTimeline, MARK_SIZE, type DayBand, type Label, type Mark, type TimelineLayout } from '../timeline/layout.ts';
import { canvasTextMeasurer, type MeasureText } from '../timeline/measure.ts';
import { centredSymbolPath, symbolPath } from '../timeline/symbols.ts';
import { kindSwatch } from '../views/event-card.ts';
import { describeWhen } from '../views/format.ts';
import { position } from './position.ts';
import timelineCss from './tide-timeline.css?inline';
import { TIMING } from './timing.ts';
import tokensCss from './tokens.css?inline';
import { Unchanged } from './unchanged.ts';

const EARLIER_CHEVRON = 'M3,-6L-4,0L3,6';
/** Up to this many events, each mark is its own element and glides as the axis zooms (see marksToDraw). */
const DRAW_EACH_MARK = 200;
/** Up to this many days in view, each day band is its own element and glides as the axis zooms. */
const DRAW_EACH_DAY = 62;

/** Views kept worked out per chart: the steps around the reader's, and a few back. */
const VIEWS_KEPT = 8;

/** One view of the chart (size, highlighted events, zoom), worked out ahead of drawing. */
interface ChartView {
  layout: TimelineLayout;
  /** The layout's day bands, each the same object as in the view before when it has not moved. */
  days: DayBand[];
  /** Marks drawn as elements of their own (see marksToDraw), kept from the view before like the days. */
  marks: Mark[];
  /** A large story's marks in view, one path per kind and certainty; the same array for every view of one zoom. */
  shared: SharedPaths;
  /** Marks with a window of dates to draw. */
  spans: Mark[];
  /**
   * The layout's labels in one order for every view. Layout places highlighted labels first,
   * so its order changes from step to step, and drawing in it would move text elements around
   * the DOM on every step. Labels never overlap, so their order on screen does not matter.
   * Kept from the view before like the days.
   */
  labels: Label[];
  title: string;
  description: string;
}

/** The marks of a large story's chart, in one path per look (see marksToDraw). */
type SharedPaths = Array<{ classes: string; d: string }>;

/**
 * The marks to draw. A small story draws every mark as its own element, so that marks glide
 * in and out as the axis zooms. A large one draws all its marks in view as one path per look,
 * and its highlighted marks again, larger, as elements on top: a thousand elements entering
 * and leaving would cost a long task on every step.
 */
function marksToDraw(layout: TimelineLayout, shared: boolean): Pick<ChartView, 'marks' | 'spans'> {
  const all = layout.marks;
  if (!shared) return { marks: all, spans: all.filter((mark) => mark.span) };
  return { marks: all.filter((mark) => mark.inView && mark.highlighted), spans: all.filter((mark) => mark.inView && mark.span) };
}

/** A large story draws its marks in shared paths, and its layout places only the events in view. */
function drawsMarksShared(model: StoryModel): boolean {
  return model.timeline.length > DRAW_EACH_MARK;
}

/** The value kept under `key`, made on first use; the least recently used goes once `VIEWS_KEPT` are kept. */
function keptRecent<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) value = make();
  // Most recently used last, so that the oldest is the one let go.
  else cache.delete(key);
  if (cache.size >= VIEWS_KEPT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/**
 * A large story's marks in view, each at its plain size, one path per kind and certainty.
 * Marks sit where they sit whatever is highlighted, so these paths change only with the zoom
 * or the size, and a step that keeps its zoom keeps them (see `viewFor`).
 */
function sharedPaths(layout: TimelineLayout): SharedPaths {
  const paths = new Map<string, string[]>();
  for (const mark of layout.marks) {
    if (!mark.inView) continue;
    const classes = `mark-group kind-${mark.kindIndex + 1} ${mark.certainty}`;
    const path = paths.get(classes) ?? [];
    path.push(symbolPath(mark.symbol, MARK_SIZE, mark.x, mark.y));
    paths.set(classes, path);
  }
  return [...paths].map(([classes, path]) => ({ classes, d: path.join('') }));
}

/** The chart in words, for screen readers: its lanes, and the events it highlights. */
function describeChart(model: StoryModel, highlight: readonly string[]): string {
  const lanes = kindsOnAxis(model).map((kind) => kind.label);
  const parts = [model.t.chartLanes(model.timeline.length, lanes.join(', '))];
  if (model.context.length) parts.push(model.t.chartEarlierNote(model.context.length));
  const highlighted = highlight
    .map((id) => model.eventsById.get(id))
    .filter((event) => event !== undefined)
    .map((event) => `${event.title} (${describeWhen(event, model)})`);
  if (highlighted.length) parts.push(model.t.chartHighlighted(highlighted.join('; ')));
  return parts.join(' ');
}

/**
 * The timeline chart. It draws what `layoutTimeline` computes for its size, highlighted
 * events and zoom; it holds no layout logic of its own. Views are cached per size, and a story
 * prepares the next ones in idle time (`prepare`), so that a step change only draws.
 *
 * @summary A D3-scaled timeline of a story's events, in lanes by kind.
 * @csspart chart - The SVG chart.
 * @csspart legend - The key below the chart.
 */
export class TideTimeline extends LitElement {
  static override properties = {
    model: { attribute: false },
    highlight: { attribute: false },
    zoom: { attribute: false },
    scale: { type: Number },
    drawSize: { attribute: false },
    size: { state: true, attribute: false },
  };
  static override styles = [unsafeCSS(tokensCss), unsafeCSS(timelineCss)];

  /** The story to draw. */
  model?: StoryModel;
  /** Ids of the events to emphasise. */
  highlight: readonly string[] = [];
  /** Days to zoom the axis to; the whole axis when unset. */
  zoom?: Span | undefined;
  /** Draws everything this many times larger, type included, as a projector needs. */
  scale = 1;
  /**
   * Draw at this size, in CSS pixels, and scale to fit the width, instead of following the
   * element's box. Printing needs it: nothing is measured between "print" and the printout.
   */
  drawSize?: { width: number; height: number };

  private size = { width: 0, height: 0 };
  get #frame(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.frame') ?? null;
  }

  #resizeObserver?: ResizeObserver;
  #measure?: MeasureText;
  readonly #views = new Map<string, ChartView>();
  /** A large story's shared mark paths, per zoom (see sharedPaths). */
  readonly #sharedByZoom = new Map<string, SharedPaths>();
  /** Those of the whole axis, kept apart: steps return to it after zooms that would push it out. */
  readonly #sharedWhole = new Map<string, SharedPaths>();
  readonly #sameDays = new Unchanged<DayBand>((day) => String(day.start));
  readonly #sameMarks = new Unchanged<Mark>((mark) => mark.id);
  readonly #sameLabels = new Unchanged<Label>((label) => label.key);

  /** Forgets every view, and every item kept for the next, when the story or the size changes. */
  #forgetViews(): void {
    this.#views.clear();
    this.#sharedByZoom.clear();
    this.#sharedWhole.clear();
    this.#sameDays.clear();
    this.#sameMarks.clear();
    this.#sameLabels.clear();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#frame) this.#observeFrame(this.#frame);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
  }

  protected override firstUpdated(): void {
    if (this.#frame) this.#observeFrame(this.#frame);
  }

  #drawn = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.#drawn && this.#frame?.querySelector('.mark')) {
      this.#drawn = true;
      performance.mark(TIMING.chartDrawn);
    }
    // Through the CSSOM, not a style attribute, which a strict style-src CSP blocks.
    if (changed.has('drawSize') && this.#frame) {
      if (this.drawSize) this.#frame.style.setProperty('aspect-ratio', `${this.drawSize.width} / ${this.drawSize.height}`);
      else this.#frame.style.removeProperty('aspect-ratio');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('model')) {
      this.#forgetViews();
      this.#drawn = false;
    }
  }

  #observeFrame(frame: HTMLElement): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      const resize = () => {
        if (width === this.size.width && height === this.size.height) return;
        this.#forgetViews();
        this.size = { width, height };
      };
      // The first drawing waits for a task of its own after this frame, which lays out and
      // paints the page around the chart: drawing in it too held a long frame (40-75 ms at 4x
      // CPU). Later resizes redraw in the frame, so that the chart never lags its box.
      if (this.size.width && this.size.height) resize();
      else setTimeout(resize);
    });
    this.#resizeObserver.observe(frame);
  }

  /** The size the layout is computed for: the box, or the fixed drawing size, divided by the scale. */
  #layoutSize(): { width: number; height: number } {
    const { width, height } = this.drawSize ?? this.size;
    const scale = Math.max(this.scale, 0.25);
    return { width: Math.round(width / scale), height: Math.round(height / scale) };
  }

  /**
   * Works out the chart for a view before it is shown, so that showing it costs only the
   * drawing. Call it in idle time with a coming step's events and zoom; it does nothing until
   * the chart has a model and a size.
   */
  prepare(highlight: readonly string[], zoom?: Span): void {
    const { width, height } = this.#layoutSize();
    if (this.model && width > 0 && height > 0) this.#viewFor(this.model, highlight, zoom);
  }

  #viewFor(model: StoryModel, highlight: readonly string[], zoom: Span | undefined): ChartView {
    const { width, height } = this.#layoutSize();
    const key = `${width}x${height}|${highlight.join(',')}|${zoom?.start ?? ''}-${zoom?.end ?? ''}`;
    return keptRecent(this.#views, key, () => {
      // One style read per chart, never per scroll: the chart's font, for measuring labels.
      this.#measure ??= canvasTextMeasurer(getComputedStyle(this).fontFamily);
      const shared = drawsMarksShared(model);
      const layout = layoutTimeline(model, { width, height, highlight, focus: zoom, measure: this.#measure, onlyInView: shared });
      const { marks, spans } = marksToDraw(layout, shared);
      const sharedKey = `${width}x${height}|${zoom?.start ?? ''}-${zoom?.end ?? ''}`;
      return {
        layout,
        days: this.#sameDays.reuse(layout.days),
        marks: this.#sameMarks.reuse(marks),
        shared: shared ? keptRecent(zoom ? this.#sharedByZoom : this.#sharedWhole, sharedKey, () => sharedPaths(layout)) : [],
        spans,
        labels: this.#sameLabels.reuse([...layout.labels].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))),
        title: model.t.chartLabel(formatDateRange(layout.domain.start, layout.domain.end - DAY_MS, model.locale, DAY_MONTH_YEAR)),
        description: describeChart(model, highlight),
      };
    });
  }

  /** Day bands: each its own element for a short axis, so that they glide; one path of the shaded days for a long one. */
  #renderDays({ layout, days }: ChartView) {
    const { plot } = layout;
    const bandHeight = plot.bottom - plot.top;
    if (days.length > DRAW_EACH_DAY) {
      const shaded = days.filter((day) => day.odd).map((day) => `M${day.x0},${plot.top}H${day.x1}V${plot.bottom}H${day.x0}Z`);
      return svg`<path class="days odd" d=${shaded.join('')}></path>`;
    }
    // guard: a day, mark or label kept from the view before (see Unchanged) is not drawn again.
    return repeat(
      days,
      (day) => day.start,
      (day) =>
        guard([day, bandHeight, plot.top], () => svg`<rect class="day ${day.odd ? 'odd' : 'even'}" data-day=${day.iso} x="0" y="0" width="1" height=${bandHeight} ${position(day.x0, plot.top, day.x1 - day.x0)}></rect>`),
    );
  }

  #renderSpan(mark: Mark) {
    // An expected event is its window; an uncertain date's window is shown while it is discussed.
    if (!mark.span || (mark.certainty === 'uncertain' && !mark.highlighted)) return nothing;
    const classes = `span kind-${mark.kindIndex + 1} ${mark.certainty} ${mark.highlighted ? 'is-highlighted' : ''} ${mark.inView ? '' : 'is-out'}`;
    return mark.certainty === 'expected'
      ? svg`<rect class=${classes} x=${mark.span.x0} y=${mark.y - 8} width=${mark.span.x1 - mark.span.x0} height="16" rx="8"></rect>`
      : svg`<line class=${classes} x1=${mark.span.x0} x2=${mark.span.x1} y1=${mark.y} y2=${mark.y}></line>`;
  }

  #renderChart(view: ChartView) {
    const { layout } = view;
    const { plot } = layout;
    const bandHeight = plot.bottom - plot.top;
    return html`<svg
      class="chart ${this.highlight.length ? 'has-highlight' : ''}"
      part="chart"
      viewBox="0 0 ${layout.width} ${layout.height}"
      role="img"
      aria-labelledby="chart-title"
      aria-describedby="chart-desc"
    >
      <title id="chart-title">${view.title}</title>
      <desc id="chart-desc">${view.description}</desc>
      ${this.#renderDays(view)}
      ${layout.asOfX === undefined
        ? nothing
        : svg`<rect class="future" x="0" y="0" width="1" height=${bandHeight} ${position(layout.asOfX, plot.top, Math.max(plot.right - layout.asOfX, 0))}></rect>
            <line class="as-of-line" x1="0" x2="0" y1="0" y2=${plot.bottom - 4} ${position(layout.asOfX, 4)}></line>`}
      ${layout.lanes.map((lane) => svg`<line class="lane-rule" x1=${plot.left} x2=${plot.right} y1=${lane.y1} y2=${lane.y1}></line>`)}
      <line class="axis" x1="0" x2=${layout.width} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${repeat(layout.hours, (x) => x, (x) => svg`<line class="hour" x1="0" x2="0" y1="0" y2="5" ${position(x, plot.bottom)}></line>`)}
      ${view.spans.map((mark) => this.#renderSpan(mark))}
      ${guard([view.shared], () => view.shared.map(({ classes, d }) => svg`<path class=${classes} d=${d}></path>`))}
      ${repeat(
        view.marks,
        (mark) => mark.id,
        (mark) =>
          guard(
            [mark],
            () => svg`<g class="mark kind-${mark.kindIndex + 1} ${mark.certainty} ${mark.highlighted ? 'is-highlighted' : ''} ${mark.inView ? '' : 'is-out'}" data-event-id=${mark.id} ${position(mark.x, mark.y)}>
              <path d=${centredSymbolPath(mark.symbol, mark.size)}></path>
            </g>`,
          ),
      )}
      ${layout.earlier
        ? svg`<g class="earlier kind-${layout.earlier.kindIndex + 1} ${layout.earlier.highlighted ? 'is-highlighted' : ''}" ${position(layout.earlier.x, layout.earlier.y)}>
            <path d=${EARLIER_CHEVRON} transform="translate(-5 0)"></path>
            <text x="3" y="4">${layout.earlier.count}</text>
          </g>`
        : nothing}
      ${repeat(
        view.labels,
        (label) => label.key,
        (label) =>
          guard(
            [label],
            () => svg`<text class="label role-${label.role} ${label.highlighted ? 'is-highlighted' : ''} ${label.overMarks ? 'is-over-marks' : ''}" text-anchor=${label.anchor} ${position(label.x, label.y)}>${label.text}</text>`,
          ),
      )}
    </svg>`;
  }

  #renderLegend(model: StoryModel) {
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
    const { width, height } = this.#layoutSize();
    const ready = model && width > 0 && height > 0;
    // The legend depends on the story alone: no need to build it again on every step.
    return html`<div class="frame ${this.drawSize ? 'is-fixed' : ''}">${ready ? this.#renderChart(this.#viewFor(model, this.highlight, this.zoom)) : nothing}</div>
      ${model ? guard([model], () => this.#renderLegend(model)) : nothing}`;
  }
}

customElements.define('tide-timeline', TideTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'tide-timeline': TideTimeline;
  }
}
