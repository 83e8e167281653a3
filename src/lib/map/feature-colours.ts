// Applies class codes to the map as feature-state, touching only features whose colour, hidden flag or support
// flag changed since the last call (a legend click on a 100,000-row map updates only that class's rows).
import type { Map as MapLibreMap } from 'maplibre-gl';

export class FeatureColours {
  private colour: (string | undefined)[] = [];
  private flags = new Uint8Array(0);

  constructor(private readonly source: string) {}

  reset() {
    this.colour = [];
    this.flags = new Uint8Array(0);
  }

  /** Features are keyed by row number (see settlement-paint.ts). `colours[codes[i]]` is row i's colour; `hidden[code]` hides a class; `support[i]` rings a row. Returns the
   *  number of features updated.
   *  `keep[i] === 0` hides a row the filters leave out (hidden the same way as a hidden class).
   */
  apply(map: MapLibreMap, codes: Uint8Array, colours: readonly string[], hidden: readonly boolean[], support: Uint8Array, keep?: Uint8Array): number {
    const n = codes.length;
    if (this.flags.length !== n) {
      this.flags = new Uint8Array(n).fill(255);
      this.colour = new Array(n);
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      const c = colours[code];
      const f = (hidden[code] || (keep && !keep[i]) ? 1 : 0) | (support[i] ? 2 : 0);
      if (c === this.colour[i] && f === this.flags[i]) continue;
      this.colour[i] = c;
      this.flags[i] = f;
      map.setFeatureState({ source: this.source, id: i }, { c, h: (f & 1) === 1, s: (f & 2) === 2 });
      changed++;
    }
    return changed;
  }
}
