// Problems found while reading a register, as data: { row, column, value, code, params, severity }. Messages come
// from one typed table in Kazakh, Russian and English; a code without all three translations fails the type check.
// `row` is the physical line a CSV row starts on (header = 1), the sheet row of an .xlsx, or the 1-based feature
// number of GeoJSON / FlatGeobuf / Shapefile; problems of the header or of a whole column carry the header row (1),
// or for feature formats row 0. `column` names the header column; "*" is the whole record (a damaged feature),
// "#n" a CSV field beyond the header.
import type { Lang } from '../engine/types.ts';

export type Params = Record<string, string | number>;

export interface Problem {
  row: number;
  column: string;
  value: string;
  code: ProblemCode;
  params: Params;
  /** error: the row is rejected; warning: the row is kept, the user should look. */
  severity: 'error' | 'warning';
}

type Msg = (p: Params) => string;
type Messages = Record<Lang, Msg>;

export const UNIT_WORDS: Record<'line' | 'row' | 'feature', Record<Lang, string>> = {
  line: { en: 'line', ru: 'строка', kk: 'жол' },
  row: { en: 'row', ru: 'строка', kk: 'жол' },
  feature: { en: 'feature', ru: 'объект', kk: 'объект' },
};
const unitWord = (p: Params, lang: Lang) => UNIT_WORDS[p.unit as keyof typeof UNIT_WORDS]?.[lang] ?? String(p.unit);

/** The methodology's blocks by id, as the problem messages name them. */
const BLOCK_WORDS: Record<string, Record<Lang, string>> = {
  demography: { en: 'demography', ru: 'демография', kk: 'демография' },
  infrastructure: { en: 'infrastructure', ru: 'инфраструктура', kk: 'инфрақұрылым' },
  economy: { en: 'economy', ru: 'экономика', kk: 'экономика' },
  geospatial: { en: 'geospatial', ru: 'геопространственный блок', kk: 'геокеңістіктік блок' },
};
const blockWord = (p: Params, lang: Lang) => BLOCK_WORDS[String(p.block)]?.[lang] ?? String(p.block);
const ROWS_WORD: Record<'line' | 'row' | 'feature', Record<Lang, string>> = {
  line: { en: 'rows', ru: 'строк', kk: 'жол' },
  row: { en: 'rows', ru: 'строк', kk: 'жол' },
  feature: { en: 'features', ru: 'объектов', kk: 'объект' },
};
const rowsWord = (p: Params, lang: Lang) => ROWS_WORD[p.unit as keyof typeof ROWS_WORD]?.[lang] ?? ROWS_WORD.row[lang];
/** Said after a cell problem whose row was kept with the cell as no data. */
const NO_DATA_SUFFIX: Record<Lang, string> = { en: '; read as no data', ru: '; прочитано как «нет данных»', kk: '; «дерек жоқ» ретінде оқылды' };

const MESSAGES = {
  // file level
  file_empty: { en: () => 'the file is empty', ru: () => 'файл пуст', kk: () => 'файл бос' },
  file_too_large: { en: (p) => `the file is larger than the limit (${p.size} > ${p.limit} bytes)`, ru: (p) => `файл больше допустимого (${p.size} > ${p.limit} байт)`, kk: (p) => `файл рұқсат етілгеннен үлкен (${p.size} > ${p.limit} байт)` },
  unsupported_format: { en: (p) => `unsupported file type ".${p.ext}": use .csv, .xlsx, .geojson, .fgb or a zipped Shapefile (.zip)`, ru: (p) => `неподдерживаемый тип файла ".${p.ext}": используйте .csv, .xlsx, .geojson, .fgb или Shapefile в .zip`, kk: (p) => `файл түріне қолдау жоқ ".${p.ext}": .csv, .xlsx, .geojson, .fgb немесе .zip ішіндегі Shapefile қолданыңыз` },
  missing_columns: { en: (p) => `missing column(s) ${p.columns} in the header`, ru: (p) => `в заголовке нет столбцов ${p.columns}`, kk: (p) => `тақырыпта ${p.columns} бағандары жоқ` },
  duplicate_column: { en: (p) => `the column appears twice in the header (columns ${p.first} and ${p.second})`, ru: (p) => `столбец повторяется в заголовке (столбцы ${p.first} и ${p.second})`, kk: (p) => `баған тақырыпта екі рет кездеседі (${p.first} және ${p.second} бағандар)` },
  unknown_columns: { en: (p) => `${p.count} unknown column(s) ignored: ${p.names}`, ru: (p) => `неизвестных столбцов: ${p.count}, пропущены: ${p.names}`, kk: (p) => `белгісіз ${p.count} баған ескерілмеді: ${p.names}` },
  column_absent: {
    en: (p) => (Number(p.points) > 0 ? `absent — ${blockWord(p, 'en')} up to ${p.points} points unavailable for all ${p.rows} ${rowsWord(p, 'en')}` : `absent — no value for any of the ${p.rows} ${rowsWord(p, 'en')} (${blockWord(p, 'en')}, rules only, no points)`),
    ru: (p) => (Number(p.points) > 0 ? `отсутствует — ${blockWord(p, 'ru')}: до ${p.points} баллов недоступны для всех ${p.rows} ${rowsWord(p, 'ru')}` : `отсутствует — нет значения ни в одном из ${p.rows} ${rowsWord(p, 'ru')} (${blockWord(p, 'ru')}, только правила, без баллов)`),
    kk: (p) => (Number(p.points) > 0 ? `жоқ — ${blockWord(p, 'kk')}: барлық ${p.rows} ${rowsWord(p, 'kk')} үшін ${p.points} ұпайға дейін қолжетімсіз` : `жоқ — ${p.rows} ${rowsWord(p, 'kk')} ішінде бірде-бір мән жоқ (${blockWord(p, 'kk')}, тек ережелер, ұпайсыз)`),
  },
  unknown_column: { en: (p) => (p.closest ? `unknown column, ignored (did you mean "${p.closest}"?)` : 'unknown column, ignored'), ru: (p) => (p.closest ? `неизвестный столбец, пропущен (возможно, "${p.closest}"?)` : 'неизвестный столбец, пропущен'), kk: (p) => (p.closest ? `белгісіз баған, ескерілмеді ("${p.closest}" болуы мүмкін бе?)` : 'белгісіз баған, ескерілмеді') },
  not_fgb: { en: () => 'not a FlatGeobuf file (the first bytes are not "fgb")', ru: () => 'не файл FlatGeobuf (первые байты не "fgb")', kk: () => 'FlatGeobuf файлы емес (алғашқы байттар "fgb" емес)' },
  fgb_corrupt: { en: (p) => `damaged FlatGeobuf file: ${p.detail}`, ru: (p) => `повреждённый файл FlatGeobuf: ${p.detail}`, kk: (p) => `бүлінген FlatGeobuf файлы: ${p.detail}` },
  fgb_truncated: { en: (p) => `the file ends early: ${p.read} of ${p.declared} features could be read`, ru: (p) => `файл обрывается: прочитано ${p.read} из ${p.declared} объектов`, kk: (p) => `файл үзіліп қалған: ${p.declared} объектінің ${p.read} оқылды` },
  json_invalid: { en: (p) => `not valid JSON (${p.detail})`, ru: (p) => `некорректный JSON (${p.detail})`, kk: (p) => `JSON қате (${p.detail})` },
  not_feature_collection: { en: () => 'not a GeoJSON FeatureCollection', ru: () => 'не GeoJSON FeatureCollection', kk: () => 'GeoJSON FeatureCollection емес' },
  xlsx_invalid: { en: (p) => `cannot read the workbook (${p.detail})`, ru: (p) => `не удаётся прочитать книгу Excel (${p.detail})`, kk: (p) => `Excel кітабын оқу мүмкін емес (${p.detail})` },
  zip_invalid: { en: (p) => `cannot read the zip archive (${p.detail})`, ru: (p) => `не удаётся прочитать zip-архив (${p.detail})`, kk: (p) => `zip мұрағатын оқу мүмкін емес (${p.detail})` },
  zip_bomb: { en: (p) => `refused: the archive would expand to ${p.size} bytes (limit ${p.limit})`, ru: (p) => `отклонено: архив распаковывается в ${p.size} байт (предел ${p.limit})`, kk: (p) => `бас тартылды: мұрағат ${p.size} байтқа ашылады (шегі ${p.limit})` },
  shp_missing: { en: (p) => `the archive has no ${p.part} file`, ru: (p) => `в архиве нет файла ${p.part}`, kk: (p) => `мұрағатта ${p.part} файлы жоқ` },
  json_syntax: { en: (p) => `not valid JSON at line ${p.line}, character ${p.column}${p.found ? ` (unexpected "${p.found}")` : ' (the file ends too early)'}`, ru: (p) => `некорректный JSON: строка ${p.line}, символ ${p.column}${p.found ? ` (неожиданный "${p.found}")` : ' (файл обрывается)'}`, kk: (p) => `JSON қате: ${p.line}-жол, ${p.column}-таңба${p.found ? ` (күтілмеген "${p.found}")` : ' (файл үзіліп қалған)'}` },
  json_feature_invalid: { en: (p) => `feature ${p.feature} (line ${p.line}) is not valid JSON; the file cannot be read reliably`, ru: (p) => `объект ${p.feature} (строка ${p.line}) — некорректный JSON; файл нельзя прочитать надёжно`, kk: (p) => `${p.feature}-объект (${p.line}-жол) JSON ретінде қате; файлды сенімді оқу мүмкін емес` },
  too_deep: { en: (p) => `values are nested deeper than ${p.limit} levels at line ${p.line}, character ${p.column} (a register needs plain values)`, ru: (p) => `вложенность значений глубже ${p.limit} уровней: строка ${p.line}, символ ${p.column} (реестру нужны простые значения)`, kk: (p) => `мәндер ${p.limit} деңгейден терең салынған: ${p.line}-жол, ${p.column}-таңба (тізілімге қарапайым мәндер керек)` },
  read_failed: { en: (p) => `the file could not be read (${p.detail}); nothing was imported`, ru: (p) => `не удалось прочитать файл (${p.detail}); ничего не импортировано`, kk: (p) => `файлды оқу мүмкін болмады (${p.detail}); ештеңе импортталмады` },
  no_rows: { en: (p) => `the file holds no ${rowsWord(p, 'en')}: nothing to assess`, ru: (p) => `в файле нет ${rowsWord(p, 'ru')}: оценивать нечего`, kk: (p) => `файлда ${rowsWord(p, 'kk')} жоқ: бағалайтын ештеңе жоқ` },
  crs_unsupported: { en: (p) => `coordinates are not in WGS 84 (EPSG:4326) and cannot be reprojected: ${p.crs}`, ru: (p) => `координаты не в WGS 84 (EPSG:4326), пересчёт невозможен: ${p.crs}`, kk: (p) => `координаттар WGS 84 (EPSG:4326) емес, қайта есептеу мүмкін емес: ${p.crs}` },
  // encoding
  invalid_bytes: { en: (p) => `${p.count} byte(s) are not valid ${p.encoding}; shown as �`, ru: (p) => `${p.count} байт(ов) не соответствуют ${p.encoding}; заменены на �`, kk: (p) => `${p.count} байт ${p.encoding} кодтауына сай емес; � белгісімен ауыстырылды` },
  question_marks: { en: (p) => `${p.count} value(s) have "?" where Kazakh letters are expected: the file was probably saved in a code page without them (save as UTF-8)`, ru: (p) => `в ${p.count} значениях "?" вместо казахских букв: файл, видимо, сохранён в кодировке без них (сохраните в UTF-8)`, kk: (p) => `${p.count} мәнде қазақ әріптерінің орнында "?" тұр: файл оларсыз кодтауда сақталған болуы мүмкін (UTF-8 ретінде сақтаңыз)` },
  // CSV rows
  field_count: { en: (p) => `${p.found} field(s) where the header has ${p.expected}`, ru: (p) => `${p.found} пол(я/ей), а в заголовке ${p.expected}`, kk: (p) => `${p.found} өріс, ал тақырыпта ${p.expected}` },
  unbalanced_quote: { en: () => 'a quote is opened and never closed; reading resumes on the next line', ru: () => 'открытая кавычка не закрыта; чтение продолжено со следующей строки', kk: () => 'ашылған тырнақша жабылмаған; оқу келесі жолдан жалғасады' },
  truncated_row: { en: (p) => `the file ends inside this row (${p.found} of ${p.expected} fields)`, ru: (p) => `файл обрывается внутри строки (${p.found} из ${p.expected} полей)`, kk: (p) => `файл осы жолдың ішінде аяқталады (${p.expected} өрістің ${p.found})` },
  // values
  required: { en: () => 'required', ru: () => 'обязательное поле', kk: () => 'міндетті өріс' },
  name_required: { en: () => 'a name is required (name_kk, name_ru or name_en)', ru: () => 'нужно название (name_kk, name_ru или name_en)', kk: () => 'атауы қажет (name_kk, name_ru немесе name_en)' },
  not_number: { en: () => 'not a number', ru: () => 'не число', kk: () => 'сан емес' },
  boolean_in_numeric: { en: () => 'a yes/no value in a numeric column', ru: () => 'значение да/нет в числовом столбце', kk: () => 'сандық бағанда иә/жоқ мәні' },
  not_integer: { en: () => 'a count must be a whole number', ru: () => 'количество должно быть целым числом', kk: () => 'саны бүтін сан болуы керек' },
  not_flag: { en: () => 'must be 0 or 1 (or yes/no)', ru: () => 'должно быть 0 или 1 (или да/нет)', kk: () => '0 немесе 1 (иә/жоқ) болуы керек' },
  out_of_range: { en: (p) => `must be between ${p.min} and ${p.max}`, ru: (p) => `должно быть от ${p.min} до ${p.max}`, kk: (p) => `${p.min} мен ${p.max} аралығында болуы керек` },
  negative: { en: () => 'cannot be negative', ru: () => 'не может быть отрицательным', kk: () => 'теріс бола алмайды' },
  unknown_official_category: { en: () => 'unknown approved category: use support / satellite / strategic / other (тірек / серіктес / шекара маңы стратегиялық / басқа; опорный / спутниковый / приграничный стратегический / прочий)', ru: () => 'неизвестная утверждённая категория: опорный / спутниковый / приграничный стратегический / прочий (тірек / серіктес / шекара маңы стратегиялық / басқа; support / satellite / strategic / other)', kk: () => 'бекітілген санат белгісіз: тірек / серіктес / шекара маңы стратегиялық / басқа (опорный / спутниковый / приграничный стратегический / прочий; support / satellite / strategic / other)' },
  not_a_year: { en: () => 'not a year (1991–2100)', ru: () => 'не год (1991–2100)', kk: () => 'жыл емес (1991–2100)' },
  not_boolean: { en: () => 'not a yes/no value (true/false, 1/0, yes/no, иә/жоқ, да/нет)', ru: () => 'не значение да/нет (true/false, 1/0, yes/no, иә/жоқ, да/нет)', kk: () => 'иә/жоқ мәні емес (true/false, 1/0, yes/no, иә/жоқ, да/нет)' },
  duplicate_id: { en: (p) => `duplicate id (first on ${unitWord(p, 'en')} ${p.first})`, ru: (p) => `повтор id (впервые: ${unitWord(p, 'ru')} ${p.first})`, kk: (p) => `id қайталанады (алғаш: ${unitWord(p, 'kk')} ${p.first})` },
  decimal_ambiguous: { en: (p) => `"${p.value}" could be ${p.a} or ${p.b}; read as ${p.a} (the file shows no other decimal separator)`, ru: (p) => `"${p.value}" может означать ${p.a} или ${p.b}; прочитано как ${p.a} (в файле нет других признаков разделителя)`, kk: (p) => `"${p.value}" ${p.a} немесе ${p.b} болуы мүмкін; ${p.a} деп оқылды (файлда бөлгіштің басқа белгісі жоқ)` },
  outside_kazakhstan: { en: (p) => `the point lies ${p.km} km outside Kazakhstan`, ru: (p) => `точка в ${p.km} км за пределами Казахстана`, kk: (p) => `нүкте Қазақстаннан ${p.km} км тыс жатыр` },
  swapped_lat_lon: { en: () => 'lat and lon look swapped (the swapped point lies in Kazakhstan); fix the file or pass --fix-swapped', ru: () => 'lat и lon, похоже, перепутаны (после обмена точка в Казахстане); исправьте файл или укажите --fix-swapped', kk: () => 'lat пен lon ауысып кеткен сияқты (ауыстырғанда нүкте Қазақстанда); файлды түзетіңіз немесе --fix-swapped қосыңыз' },
  swapped_fixed: { en: () => 'lat and lon were swapped; swapped back', ru: () => 'lat и lon были перепутаны; исправлено', kk: () => 'lat пен lon ауысқан еді; түзетілді' },
  no_geometry: { en: () => 'the feature has no point geometry', ru: () => 'у объекта нет точечной геометрии', kk: () => 'объектінің нүкте геометриясы жоқ' },
  bad_geometry: { en: (p) => `unusable geometry (${p.detail})`, ru: (p) => `непригодная геометрия (${p.detail})`, kk: (p) => `жарамсыз геометрия (${p.detail})` },
  not_feature: { en: () => 'not a GeoJSON Feature', ru: () => 'не объект GeoJSON Feature', kk: () => 'GeoJSON Feature емес' },
} satisfies Record<string, Messages>;

export type ProblemCode = keyof typeof MESSAGES;
// A code whose entry lacks a language fails here.
const CHECKED: Record<ProblemCode, Messages> = MESSAGES;

const COLUMN_WORD: Record<Lang, string> = { en: 'column', ru: 'столбец', kk: 'баған' };
const VALUE_WORD: Record<Lang, string> = { en: 'value', ru: 'значение', kk: 'мән' };

export function problemMessage(p: Pick<Problem, 'code' | 'params'>, lang: Lang = 'en'): string {
  return CHECKED[p.code][lang](p.params) + (p.params.nodata ? NO_DATA_SUFFIX[lang] : '');
}

/** `line 3, column "lat", value "abc": not a number` (in the chosen language). */
export function formatProblem(p: Problem, unit: 'line' | 'row' | 'feature' = 'line', lang: Lang = 'en'): string {
  const where = [p.row > 0 ? `${UNIT_WORDS[unit][lang]} ${p.row}` : '', p.column && p.column !== '*' ? `${COLUMN_WORD[lang]} "${p.column}"` : '', p.value !== '' ? `${VALUE_WORD[lang]} "${p.value.length > 80 ? p.value.slice(0, 77) + '…' : p.value}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${where ? where + ': ' : ''}${problemMessage(p, lang)}`;
}

/** A problem that stops reading the whole file. */
export class RegisterFileError extends Error {
  constructor(readonly problem: Problem) {
    super(problemMessage(problem, 'en'));
  }
}

export function fileError(code: ProblemCode, params: Params = {}, column = '', row = 0): RegisterFileError {
  return new RegisterFileError({ row, column, value: '', code, params, severity: 'error' });
}

export const LANGS: readonly Lang[] = ['en', 'ru', 'kk'];
