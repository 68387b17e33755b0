/**
 * Presentation mode's share of <tide-story>: the dialog, its styles, full screen and swipes.
 * Loaded the first time a story presents, so that readers who only scroll never download it.
 */
import { html, nothing, unsafeCSS, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Move } from '../controllers/moves.ts';
import { PresentationController, SwipeTracker } from '../controllers/presentation.ts';
import type { StoryModel } from '../story/model.ts';
import { deckView } from '../views/deck.ts';
import { uiLang } from '../views/format.ts';
import deckCss from './tide-deck.css?inline';

export interface DeckActions {
  move(move: Move): void;
  toggleNotes(): void;
  exit(): void;
  /** The screen changed size: type and chart scale with it. */
  resized(): void;
  keydown(event: KeyboardEvent): void;
}

export interface DeckState {
  level: number;
  /** The step on screen; `steps.length` is the "what happened next" slide. */
  slide: number;
  presenting: boolean;
  notes: boolean;
  timeline: TemplateResult;
}

const sheet = unsafeCSS(deckCss).styleSheet;

export class StoryDeck {
  readonly #swipe = new SwipeTracker();
  readonly #presentation: PresentationController;

  readonly #actions: DeckActions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    actions: DeckActions,
  ) {
    this.#actions = actions;
    const root = host.shadowRoot;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.#presentation = new PresentationController(host, { leftFullscreen: actions.exit, resized: actions.resized, keydown: actions.keydown });
  }

  /** Starts listening for keys and size changes, and asks for full screen. */
  start(): void {
    this.#presentation.start();
  }

  stop(): void {
    this.#presentation.stop();
  }

  render(model: StoryModel, state: DeckState): TemplateResult {
    const actions = this.#actions;
    return html`<dialog
      class="deck"
      part="deck"
      aria-label=${model.t.presentation(model.story.title)}
      lang=${uiLang(model) ?? nothing}
      tabindex="-1"
      @cancel=${this.#handleCancel}
      @close=${this.#handleClose}
      @pointerdown=${(event: PointerEvent) => this.#swipe.down(event)}
      @pointerup=${this.#handlePointerUp}
      @pointercancel=${() => this.#swipe.cancel()}
    >
      ${state.presenting
        ? deckView(model, {
            level: state.level,
            slide: state.slide,
            notes: state.notes,
            timeline: state.timeline,
            onMove: actions.move,
            onToggleNotes: actions.toggleNotes,
            onExit: actions.exit,
          })
        : nothing}
    </dialog>`;
  }

  /** The dialog's own Escape handling would close it; the mode follows instead. */
  readonly #handleCancel = (event: Event) => {
    event.preventDefault();
    this.#actions.exit();
  };

  readonly #handleClose = () => this.#actions.exit();

  readonly #handlePointerUp = (event: PointerEvent) => {
    const move = this.#swipe.up(event);
    if (move) this.#actions.move(move);
  };
}
