// UI strings in Kazakh, Russian and English. Add a language by adding a column here.
import type { Lang } from '../engine/types.ts';

const STRINGS = {
  title: { kk: 'Auyl Atlas — ауылдық елді мекендер картасы', ru: 'Auyl Atlas — карта сельских населённых пунктов', en: 'Auyl Atlas — map of rural settlements' },
  demoData: { kk: 'Демонстрациялық деректер: GeoNames елді мекендері (нақты), Natural Earth шекаралары. Нақты көрсеткіштер жоқ.', ru: 'Демонстрационные данные: населённые пункты GeoNames (реальные), границы Natural Earth. Без реальных показателей.', en: 'Demonstration data: real GeoNames places and Natural Earth borders. No real indicator values.' },
  colourBy: { kk: 'Түсі', ru: 'Цвет', en: 'Colour by' },
  modeFeature: { kk: 'Елді мекен түрі', ru: 'Тип населённого пункта', en: 'Place type' },
  modeBorder: { kk: 'Шекаралық мәртебе', ru: 'Приграничный статус', en: 'Border status' },
  borderZone: { kk: 'Шекара аймағы, км', ru: 'Приграничная зона, км', en: 'Border zone, km' },
  regionalMin: { kk: 'Ірі қала: тұрғындар саны кемінде', ru: 'Крупный город: население не менее', en: 'Large town: population at least' },
  computing: { kk: 'Есептелуде…', ru: 'Расчёт…', en: 'Computing…' },
  computedAll: { kk: 'Геокеңістіктік блок пен санаттар қайта есептелді', ru: 'Пересчитаны геопространственный блок и категории', en: 'Geospatial block and categories recomputed' },
  computedCategories: { kk: 'Тек санаттар қайта есептелді', ru: 'Пересчитаны только категории', en: 'Categories recomputed only' },
  modeCategory: { kk: 'Санат (үлгі тізілім)', ru: 'Категория (иллюстративный реестр)', en: 'Category (illustrative register)' },
  syntheticNote: { kk: 'Санаттар үлгі тізілімнен: елді мекендер нақты, көрсеткіштер СИНТЕТИКАЛЫҚ — нақты бағалау емес.', ru: 'Категории по иллюстративному реестру: места реальные, показатели СИНТЕТИЧЕСКИЕ — это не реальная оценка.', en: 'Categories from the illustrative register: real places, SYNTHETIC indicator values — not a real assessment.' },
  satelliteRadius: { kk: 'Серіктес радиусы, км', ru: 'Радиус спутников, км', en: 'Satellite radius, km' },
  potential: { kk: 'Әлеует', ru: 'Потенциал', en: 'Potential' },
  score: { kk: 'Балл, %', ru: 'Балл, %', en: 'Score, %' },
  supportOf: { kk: 'Тірек елді мекен', ru: 'Опорный населённый пункт', en: 'Support settlement' },
  synthetic: { kk: 'синтетикалық', ru: 'синтетические', en: 'synthetic' },
  'category.support': { kk: 'Тірек', ru: 'Опорный', en: 'Support' },
  'category.satellite': { kk: 'Серіктес', ru: 'Спутниковый', en: 'Satellite' },
  'category.strategic': { kk: 'Стратегиялық (шекаралық)', ru: 'Стратегический (приграничный)', en: 'Strategic (border)' },
  'category.other': { kk: 'Басқа', ru: 'Прочие', en: 'Other' },
  'category.not_in_register': { kk: 'Тізілімде жоқ', ru: 'Нет в реестре', en: 'Not in the register' },
  'potential.high': { kk: 'жоғары', ru: 'высокий', en: 'high' },
  'potential.medium': { kk: 'орташа', ru: 'средний', en: 'medium' },
  'potential.low': { kk: 'төмен', ru: 'низкий', en: 'low' },
  'potential.insufficient_data': { kk: 'деректер жеткіліксіз', ru: 'недостаточно данных', en: 'insufficient data' },
  places: { kk: 'елді мекен', ru: 'населённых пунктов', en: 'places' },
  population: { kk: 'Тұрғындар', ru: 'Население', en: 'Population' },
  oblast: { kk: 'Облыс', ru: 'Область', en: 'Region' },
  type: { kk: 'Түрі', ru: 'Тип', en: 'Type' },
  noData: { kk: 'деректер жоқ', ru: 'нет данных', en: 'no data' },
  kmChina: { kk: 'Қытай шекарасына дейін', ru: 'До границы с Китаем', en: 'To the China border' },
  kmRussia: { kk: 'Ресей шекарасына дейін', ru: 'До границы с Россией', en: 'To the Russia border' },
  nearestTown: { kk: 'Ең жақын ірі қала', ru: 'Ближайший крупный город', en: 'Nearest large town' },
  straightLine: { kk: 'түзу сызықпен', ru: 'по прямой', en: 'straight line' },
  legend: { kk: 'Шартты белгілер', ru: 'Легенда', en: 'Legend' },
  chinaBorder: { kk: 'Қытаймен шекара', ru: 'Граница с Китаем', en: 'Border with China' },
  russiaBorder: { kk: 'Ресеймен шекара', ru: 'Граница с Россией', en: 'Border with Russia' },
  otherBorder: { kk: 'Басқа мемлекеттік шекара', ru: 'Другие участки госграницы', en: 'Other state border' },
  sizeNote: { kk: 'Шеңбер өлшемі — тұрғындар саны', ru: 'Размер круга — численность населения', en: 'Circle size = population' },
  'feature.capital': { kk: 'Елорда', ru: 'Столица', en: 'Capital' },
  'feature.regional_seat': { kk: 'Облыс орталығы', ru: 'Областной центр', en: 'Regional seat' },
  'feature.district_seat': { kk: 'Аудан орталығы', ru: 'Районный центр', en: 'District seat' },
  'feature.rural_district_seat': { kk: 'Ауылдық округ орталығы', ru: 'Центр сельского округа', en: 'Rural-district seat' },
  'feature.other': { kk: 'Басқа елді мекен', ru: 'Прочий населённый пункт', en: 'Other place' },
  'status.china_and_russia_district': { kk: 'Қытай мен Ресей шекарасындағы аудан', ru: 'Район на границе с Китаем и Россией', en: 'District on the China and Russia borders' },
  'status.china_district': { kk: 'Қытаймен шекаралас аудан', ru: 'Район на границе с Китаем', en: 'District on the China border' },
  'status.russia_district': { kk: 'Ресеймен шекаралас аудан', ru: 'Район на границе с Россией', en: 'District on the Russia border' },
  'status.border_zone': { kk: 'Шекара аймағы', ru: 'Приграничная зона', en: 'Border zone' },
  'status.interior': { kk: 'Ішкі аумақ', ru: 'Внутренняя территория', en: 'Interior' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey | string): string {
  const entry = (STRINGS as Record<string, Record<Lang, string>>)[key];
  return entry ? entry[lang] : key;
}

export const LANGS: Lang[] = ['kk', 'ru', 'en'];
