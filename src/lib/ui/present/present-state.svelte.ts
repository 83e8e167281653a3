// Presenting: the worker client the exports use (set by App), presentation mode, its saved views (slides) and
// the title and subtitle the slides, images and briefs carry.
import type { WorkerClient } from '../../worker/client.ts';
import type { ColourMode, Classing } from '../../map/classes.ts';
import type { FilterSpec } from '../../worker/protocol.ts';

export interface Slide {
  center: [number, number];
  zoom: number;
  mode: ColourMode;
  classing: Classing;
  filter: FilterSpec;
  hidden: string[];
  title: string;
  subtitle: string;
}

class PresentState {
  client: WorkerClient | null = null;
  on = $state(false);
  slides = $state.raw<Slide[]>([]);
  index = $state(0);
  /** Empty: the app's title / an automatic subtitle (colour mode, filter count, date). */
  title = $state('');
  subtitle = $state('');
}

export const present = new PresentState();
