/** Wait this long after the last step change before rewriting the URL. */
const FOLLOW_DELAY_MS = 150;

/** The id the page's URL fragment names; empty when there is none or it cannot be decoded. */
export function fragmentId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** Keeps the URL fragment on the current step once the reader pauses, without adding history entries. */
export class FragmentFollower {
  #timer?: ReturnType<typeof setTimeout>;

  follow(id: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (fragmentId() !== id) history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
    }, FOLLOW_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.#timer);
  }
}
