// The national list's names for the embedded places it matches: same name (any script) within 2 km.
import { describe, expect, it } from 'vitest';
import { listNamesForPlaces } from '../../src/lib/engine/geo/list-names.ts';

describe('listNamesForPlaces', () => {
  // 0.01° of latitude is 1.11 km; at 47° N 0.01° of longitude is 0.76 km
  const places = [
    { id: 'gn1', lat: 47.0, lon: 81.6, names: ['Urzhar', 'Урджар'] },
    { id: 'gn2', lat: 43.9, lon: 67.25, names: ['Yanykurgan', 'Яныкурган'] },
    { id: 'gn3', lat: 49.2, lon: 84.5, names: ['Ulken Naryn', 'Улкен Нарын'] },
  ];
  const list = {
    size: 6,
    //        Үржар 1.1 km N   Үржар again 3.3 km N   Жаңақорған (another name)  Үлкен Нарын 2.2 km N   no location   Үлкен Нарын 0.76 km E
    lat: [47.01, 47.03, 43.9, 49.22, NaN, 49.2],
    lon: [81.6, 81.6, 67.25, 84.5, NaN, 84.51],
    name_kk: ['Үржар', 'Үржар', 'Жаңақорған', 'Үлкен Нарын', 'Үлкен Нарын', 'Үлкен Нарын'],
    name_ru: ['Урджар', 'Урджар', 'Жанакорган', 'Улкен Нарын', 'Улкен Нарын', null],
  };

  it('takes the list\'s Kazakh and Russian names for a place with the same name within 2 km, the nearest row', () => {
    const m = listNamesForPlaces(places, list);
    expect(m.get('gn1')).toEqual({ kk: 'Үржар', ru: 'Урджар' });
    // row 3 is 2.2 km away: too far; row 5 (0.76 km) matches and has no Russian name
    expect(m.get('gn3')).toEqual({ kk: 'Үлкен Нарын', ru: null });
  });

  it('leaves a place whose name differs (a rename) or that lies further than 2 km', () => {
    const m = listNamesForPlaces(places, list);
    expect(m.has('gn2')).toBe(false);
    expect(listNamesForPlaces(places, list, 1).has('gn1')).toBe(false); // row 0 is 1.1 km away
    expect([...m.keys()].sort()).toEqual(['gn1', 'gn3']);
  });

  it('tidies the list\'s spaces and drops a name with letters of neither alphabet (a typo)', () => {
    const one = (kk: string) => listNamesForPlaces([places[0]], { size: 1, lat: [47.0], lon: [81.6], name_kk: [kk], name_ru: ['Урджар'] }).get('gn1');
    expect(one(' Үржар  ауылы ')).toEqual({ kk: 'Үржар ауылы', ru: 'Урджар' });
    expect(one('Үржар ќ.')).toEqual({ kk: null, ru: 'Урджар' });
  });
});
