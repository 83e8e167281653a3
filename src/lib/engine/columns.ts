// A register as columns: typed arrays (read once from Settlement records, or handed over as columns by the io
// layer, with no object per row), so that the geospatial block, scoring and classification loop over numbers
// instead of objects (a weight change rescores 100,000 rows in milliseconds). NaN in a Float64Array and -1 in a
// flag column mean "no data".
import type { Settlement } from './types.ts';
import { unitVector } from './geo/sphere.ts';

const ORDER_CELL_DEG = 0.25;

/** A column value as a record field: NaN (no data) becomes null. */
export const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Row k of these arrays is register row order[k]; (ux, uy, uz) is the unit vector on the sphere. */
export interface SortedCoordinates {
  order: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  ux: Float64Array;
  uy: Float64Array;
  uz: Float64Array;
}

/** The text fields of a register row, as columns. */
export const TEXT_FIELDS = ['name_kk', 'name_ru', 'name_en', 'oblast', 'district', 'rural_district'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A register already in columns (what the io layer reads): no Settlement object per row. Indicator columns hold
 *  NaN for no data; a column the register lacks reads as all NaN. `settlements`, when given, materialises the
 *  rows as records on first use (popups, records, older callers). */
export interface RegisterSource {
  ids: readonly string[];
  texts: Record<TextField, readonly (string | null)[]>;
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  districtCentre: Int8Array;
  ruralDistrictCentre: Int8Array;
  indicators: ReadonlyMap<string, Float64Array>;
  /** The approved status per row (official_category …), null when the register has none. */
  official?: readonly (Settlement['official'] | null)[] | null;
  settlements?: () => Settlement[];
  /** Row k as a record on its own (what `settlements()[k]` would be), without building the others. */
  record?: (k: number) => Settlement;
}

export class RegisterColumns {
  readonly size: number;
  readonly ids: readonly string[];
  /** Names, oblast, district and rural district of each row (null = empty). */
  readonly texts: Record<TextField, readonly (string | null)[]>;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly population: Float64Array;
  /** 1 yes, 0 no, -1 no data. */
  readonly districtCentre: Int8Array;
  readonly ruralDistrictCentre: Int8Array;
  /** The approved status per row (the audit), or null when the register carries none. */
  readonly official: readonly (Settlement['official'] | null)[] | null;
  private readonly indicatorCache = new Map<string, Float64Array>();
  /** All NaN: what every indicator column the register lacks reads (never written: the engine only reads them). */
  private noData: Float64Array | null = null;
  private records: readonly Settlement[] | null = null;
  private readonly makeRecords: (() => Settlement[]) | null = null;
  private readonly makeRecord: ((k: number) => Settlement) | null = null;
  private spatialOrder: Uint32Array | null = null;
  private sortedCoordinates: SortedCoordinates | null = null;
  private oblastCodes: { index: Int32Array; oblasts: (string | null)[] } | null = null;
  /** The register this one is a view of (withTexts): indicators and the spatial order are read from it. */
  private parent: RegisterColumns | null = null;

  /** From records (the engine's tests, the app's synthetic register) or from columns (a register file). */
  constructor(source: readonly Settlement[] | RegisterSource) {
    if (!Array.isArray(source)) {
      const c = source as RegisterSource;
      this.size = c.ids.length;
      this.ids = c.ids;
      this.texts = c.texts;
      this.lon = c.lon;
      this.lat = c.lat;
      this.population = c.population;
      this.districtCentre = c.districtCentre;
      this.ruralDistrictCentre = c.ruralDistrictCentre;
      this.official = c.official ?? null;
      for (const [name, values] of c.indicators) this.indicatorCache.set(name, values);
      this.makeRecords = c.settlements ?? null;
      this.makeRecord = c.record ?? null;
      return;
    }
    const settlements = source as readonly Settlement[];
    this.records = settlements;
    const n = (this.size = settlements.length);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.population = new Float64Array(n);
    this.districtCentre = new Int8Array(n);
    this.ruralDistrictCentre = new Int8Array(n);
    const ids: string[] = (this.ids = new Array(n));
    const texts = (this.texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, new Array(n)])) as Record<TextField, (string | null)[]>);
    const flag = (b: boolean | null) => (b === null || b === undefined ? -1 : b ? 1 : 0);
    this.official = settlements.some((s) => s.official) ? settlements.map((s) => s.official ?? null) : null;
    for (let i = 0; i < n; i++) {
      const s = settlements[i];
      ids[i] = s.id;
      for (const f of TEXT_FIELDS) texts[f][i] = s[f];
      this.lon[i] = s.lon;
      this.lat[i] = s.lat;
      this.population[i] = s.population ?? NaN;
      this.districtCentre[i] = flag(s.is_district_centre);
      this.ruralDistrictCentre[i] = flag(s.is_rural_district_centre);
    }
  }

  /** The rows as records: the ones given, or built from the columns on first use. */
  get settlements(): readonly Settlement[] {
    if (!this.records) this.records = this.makeRecords ? this.makeRecords() : Array.from({ length: this.size }, (_, i) => this.record(i));
    return this.records;
  }

  /** Row i as a record: the one built or given, else made on its own (a panel on a million-row register must not
   *  build a million records). */
  row(i: number): Settlement {
    if (this.records) return this.records[i];
    return this.makeRecord ? this.makeRecord(i) : this.record(i);
  }

  /** The same rows with some text columns replaced (a district or region filled from a boundary layer): the
   *  other columns, the indicators and the spatial order are shared, and this register is left as it is (its
   *  records, if built, are not touched; dropping the view undoes the replacement). */
  withTexts(replaced: Partial<Record<TextField, readonly (string | null)[]>>): RegisterColumns {
    const texts = { ...this.texts, ...replaced };
    const fields = Object.keys(replaced) as TextField[];
    const record = (k: number): Settlement => {
      const s = { ...this.row(k) };
      for (const f of fields) s[f] = texts[f][k];
      return s;
    };
    const view = new RegisterColumns({
      ids: this.ids, texts, lon: this.lon, lat: this.lat, population: this.population, districtCentre: this.districtCentre, ruralDistrictCentre: this.ruralDistrictCentre,
      indicators: this.indicatorCache, official: this.official, record, settlements: () => Array.from({ length: this.size }, (_, k) => record(k)),
    });
    view.parent = this;
    return view;
  }

  /** Row i as a record, from the columns. */
  private record(i: number): Settlement {
    const t = this.texts;
    const indicators: Record<string, number | null> = {};
    for (const [name, values] of this.indicatorCache) indicators[name] = nullIfNaN(values[i]);
    const flag = (f: number) => (f < 0 ? null : f === 1);
    return {
      id: this.ids[i], name_kk: t.name_kk[i], name_ru: t.name_ru[i], name_en: t.name_en[i], lat: this.lat[i], lon: this.lon[i],
      oblast: t.oblast[i], district: t.district[i], rural_district: t.rural_district[i],
      is_district_centre: flag(this.districtCentre[i]), is_rural_district_centre: flag(this.ruralDistrictCentre[i]),
      population: nullIfNaN(this.population[i]), indicators,
      ...(this.official?.[i] ? { official: this.official[i]! } : {}),
    };
  }

  /** Rows `keep` (in that order) as a register of their own, by picking from the columns: leaving a few rows out
   *  of a million-row import must not build a million records. */
  select(keep: ArrayLike<number>): RegisterColumns {
    // records already built: keep them (their indicators are not all columns yet)
    if (this.records) return new RegisterColumns(Array.from(keep, (k) => this.records![k]));
    const pick = <T,>(a: readonly T[]): T[] => Array.from(keep, (k) => a[k]);
    const pickF = (a: Float64Array) => Float64Array.from(keep, (k) => a[k]);
    const pickI = (a: Int8Array) => Int8Array.from(keep, (k) => a[k]);
    return new RegisterColumns({
      ids: pick(this.ids), texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, pick(this.texts[f])])) as Record<TextField, (string | null)[]>,
      lon: pickF(this.lon), lat: pickF(this.lat), population: pickF(this.population),
      districtCentre: pickI(this.districtCentre), ruralDistrictCentre: pickI(this.ruralDistrictCentre),
      indicators: new Map([...this.indicatorCache].filter(([, values]) => values !== this.noData).map(([name, values]) => [name, pickF(values)])),
      official: this.official ? pick(this.official) : null,
    });
  }

  /** Each row's oblast as an index into `oblasts` (the distinct values as written in the register). */
  oblastIndex(): { index: Int32Array; oblasts: (string | null)[] } {
    if (this.oblastCodes) return this.oblastCodes;
    const codes = new Map<string | null, number>();
    const oblasts: (string | null)[] = [];
    const index = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const oblast = this.texts.oblast[i];
      let code = codes.get(oblast);
      if (code === undefined) codes.set(oblast, (code = oblasts.push(oblast) - 1));
      index[i] = code;
    }
    return (this.oblastCodes = { index, oblasts });
  }

  /** A register indicator column as numbers (NaN = no data): the column read, or from the records once. */
  indicator(column: string): Float64Array {
    let values = this.indicatorCache.get(column);
    if (!values && this.parent) this.indicatorCache.set(column, (values = this.parent.indicator(column)));
    if (!values) {
      const records = this.records;
      if (records) {
        values = new Float64Array(this.size);
        for (let i = 0; i < this.size; i++) {
          const v = records[i].indicators[column];
          values[i] = v === null || v === undefined ? NaN : v;
        }
      } else values = this.noData ??= new Float64Array(this.size).fill(NaN); // columns the register file lacks share one read-only array (a million rows: 8 MB each)
      this.indicatorCache.set(column, values);
    }
    return values;
  }

  /** Coordinates and unit vectors in spatial order, computed once: loops over many rows read them contiguously
   *  (reading lon[order[k]] straight from the register would miss the cache on every row of a large one). */
  sorted(): SortedCoordinates {
    if (this.sortedCoordinates) return this.sortedCoordinates;
    if (this.parent) return (this.sortedCoordinates = this.parent.sorted()); // same coordinates: computed once
    const order = this.order();
    const n = order.length;
    const sorted: SortedCoordinates = { order, lon: new Float64Array(n), lat: new Float64Array(n), ux: new Float64Array(n), uy: new Float64Array(n), uz: new Float64Array(n) };
    const u = new Float64Array(3);
    for (let k = 0; k < n; k++) {
      const lon = this.lon[order[k]], lat = this.lat[order[k]];
      sorted.lon[k] = lon;
      sorted.lat[k] = lat;
      unitVector(lon, lat, u, 0);
      sorted.ux[k] = u[0];
      sorted.uy[k] = u[1];
      sorted.uz[k] = u[2];
    }
    return (this.sortedCoordinates = sorted);
  }

  /** Row numbers ordered by 0.25° cell (a counting sort), so that consecutive spatial queries hit the same
   *  index cells and stay in the processor's cache. */
  private order(): Uint32Array {
    if (this.spatialOrder) return this.spatialOrder;
    const n = this.size;
    const { lon, lat } = this;
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = lon[i], y = lat[i];
      if (x < west) west = x; if (x > east) east = x; if (y < south) south = y; if (y > north) north = y;
    }
    const width = n ? Math.floor((east - west) / ORDER_CELL_DEG) + 1 : 1;
    const height = n ? Math.floor((north - south) / ORDER_CELL_DEG) + 1 : 1;
    const cellOf = (i: number) => Math.floor((lat[i] - south) / ORDER_CELL_DEG) * width + Math.floor((lon[i] - west) / ORDER_CELL_DEG);
    const starts = new Uint32Array(width * height + 1);
    for (let i = 0; i < n; i++) starts[cellOf(i) + 1]++;
    for (let c = 0; c < width * height; c++) starts[c + 1] += starts[c];
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[starts[cellOf(i)]++] = i;
    return (this.spatialOrder = order);
  }
}
