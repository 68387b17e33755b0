import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells the host when the page is being printed, so that it can draw what only paper needs
 * (a chart per step). Browsers fire `beforeprint` for the print dialog; the print media query
 * also changes when a tool emulates print, as headless PDF export does.
 */
export class PrintWatch implements ReactiveController {
  printing = false;
  #listeners?: AbortController;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#listeners = new AbortController();
    const { signal } = this.#listeners;
    const query = window.matchMedia('print');
    this.#set(query.matches);
    query.addEventListener('change', (event) => this.#set(event.matches), { signal });
    window.addEventListener('beforeprint', () => this.#set(true), { signal });
    window.addEventListener('afterprint', () => this.#set(query.matches), { signal });
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
  }

  #set(printing: boolean): void {
    if (printing === this.printing) return;
    this.printing = printing;
    this.#host.requestUpdate();
    // Lit renders in a microtask, which the browser runs before it lays out the printout.
  }
}
