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

/** 1073741824 → "1,073,741,824" (en) or "1 073 741 824" (ru, kk; a no-break space). */
const grouped = (n: string | number | undefined, separator: string) => String(n ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, separator === ' ' ? '\u00a0' : separator);
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
  // the limits a reader enforces before it takes the memory (file size, rows, expanded size: zip_bomb)
  file_too_large: {
    en: (p) => `refused: the file is ${grouped(p.size, ',')} bytes, over the limit of ${grouped(p.limit, ',')} bytes${p.format ? ` for ${p.format} files` : ''}`,
    ru: (p) => `отклонено: файл размером ${grouped(p.size, ' ')} байт превышает предел в ${grouped(p.limit, ' ')} байт${p.format ? ` для файлов ${p.format}` : ''}`,
    kk: (p) => `бас тартылды: файл көлемі ${grouped(p.size, ' ')} байт, ${p.format ? `${p.format} файлдары үшін ` : ''}${grouped(p.limit, ' ')} байт шегінен асады`,
  },
  too_many_rows: {
    en: (p) => `refused: more than ${grouped(p.limit, ',')} rows, the limit of rows read here`,
    ru: (p) => `отклонено: больше ${grouped(p.limit, ' ')} строк — предела строк, читаемых здесь`,
    kk: (p) => `бас тартылды: ${grouped(p.limit, ' ')} жолдан көп — мұнда оқылатын жолдар шегінен асады`,
  },
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
  zip_bomb: {
    en: (p) => (p.ratio ? `refused: "${p.entry}" would expand ${p.ratio} times its packed size (over ${p.max} times is a zip bomb, never a real file)` : `refused: the archive expands beyond the limit of ${grouped(p.limit, ',')} bytes`),
    ru: (p) => (p.ratio ? `отклонено: "${p.entry}" распаковывается в ${p.ratio} раз больше сжатого (больше ${p.max} раз — zip-бомба, а не настоящий файл)` : `отклонено: архив распаковывается больше предела в ${grouped(p.limit, ' ')} байт`),
    kk: (p) => (p.ratio ? `бас тартылды: "${p.entry}" сығылғанынан ${p.ratio} есе үлкен ашылады (${p.max} еседен асса — zip-бомба, нағыз файл емес)` : `бас тартылды: мұрағат ${grouped(p.limit, ' ')} байт шегінен асып ашылады`),
  },
  // zip integrity and workbook structure (the archive is refused, naming the entry or part)
  zip_size_mismatch: { en: (p) => `refused: "${p.entry}" expands beyond the ${grouped(p.size, ',')} bytes the zip directory declares (a damaged or forged archive)`, ru: (p) => `отклонено: "${p.entry}" распаковывается больше заявленных в каталоге zip ${grouped(p.size, ' ')} байт (архив повреждён или подделан)`, kk: (p) => `бас тартылды: "${p.entry}" zip каталогында көрсетілген ${grouped(p.size, ' ')} байттан асып ашылады (мұрағат бүлінген немесе жасанды)` },
  zip_crc: { en: (p) => `refused: "${p.entry}" is damaged (its checksum does not match its content), so its values cannot be trusted`, ru: (p) => `отклонено: "${p.entry}" повреждён (контрольная сумма не совпадает с содержимым), его значениям нельзя доверять`, kk: (p) => `бас тартылды: "${p.entry}" бүлінген (бақылау сомасы мазмұнына сәйкес емес), оның мәндеріне сенуге болмайды` },
  zip_encrypted: { en: (p) => `refused: "${p.entry}" is encrypted (password-protected); save the file without a password`, ru: (p) => `отклонено: "${p.entry}" зашифрован (защищён паролем); сохраните файл без пароля`, kk: (p) => `бас тартылды: "${p.entry}" шифрланған (құпиясөзбен қорғалған); файлды құпиясөзсіз сақтаңыз` },
  xlsx_part_missing: {
    en: (p) => `not a complete workbook: "${p.part}" is missing${p.sheet ? ` though sheet "${p.sheet}" refers to its shared texts` : ''}`,
    ru: (p) => `книга Excel неполная: нет "${p.part}"${p.sheet ? `, хотя лист "${p.sheet}" ссылается на его общие строки` : ''}`,
    kk: (p) => `Excel кітабы толық емес: "${p.part}" жоқ${p.sheet ? `, ал "${p.sheet}" парағы оның ортақ мәтіндеріне сілтейді` : ''}`,
  },
  sheet_not_found: { en: (p) => `the workbook has no sheet "${p.sheet}" (its sheets: ${p.sheets})`, ru: (p) => `в книге нет листа "${p.sheet}" (листы: ${p.sheets})`, kk: (p) => `кітапта "${p.sheet}" парағы жоқ (парақтары: ${p.sheets})` },
  header_row_invalid: {
    en: (p) => (p.sheet ? `header row ${p.row} is outside sheet "${p.sheet}" (it has rows 1–${p.rows})` : `header line ${p.row} is beyond the end of the file (${p.rows} lines)`),
    ru: (p) => (p.sheet ? `строка заголовка ${p.row} вне листа "${p.sheet}" (в нём строки 1–${p.rows})` : `строка заголовка ${p.row} за концом файла (строк: ${p.rows})`),
    kk: (p) => (p.sheet ? `тақырып жолы ${p.row} "${p.sheet}" парағынан тыс (онда 1–${p.rows} жолдар)` : `тақырып жолы ${p.row} файлдың соңынан тыс (${p.rows} жол)`),
  },
  dbf_duplicate_field: { en: (p) => `DBF fields ${p.first} and ${p.second} are both named "${p.name}" (the format cuts names to 10 characters, e.g. population_growth_pct becomes population): rename one and export again`, ru: (p) => `поля DBF ${p.first} и ${p.second} оба называются "${p.name}" (формат обрезает имена до 10 символов, например population_growth_pct → population): переименуйте одно и экспортируйте заново`, kk: (p) => `DBF-тің ${p.first} және ${p.second} өрістерінің екеуі де "${p.name}" деп аталады (формат атауларды 10 таңбаға дейін қысқартады, мысалы population_growth_pct → population): біреуін қайта атап, қайта экспорттаңыз` },
  // workbook notices (warnings: nothing rejected, the user should know)
  sheet_chosen: { en: (p) => `sheet "${p.first}" has no rows: read sheet ${p.index} "${p.sheet}"`, ru: (p) => `лист "${p.first}" пуст: прочитан лист ${p.index} "${p.sheet}"`, kk: (p) => `"${p.first}" парағы бос: ${p.index}-парақ "${p.sheet}" оқылды` },
  header_row_found: {
    en: (p) => (p.sheet ? `header on row ${p.row} of sheet "${p.sheet}"; the row(s) above (a title) were skipped` : `header on line ${p.row}; the line(s) above (a title) were skipped`),
    ru: (p) => (p.sheet ? `заголовок в строке ${p.row} листа "${p.sheet}"; строки выше (заглавие) пропущены` : `заголовок в строке ${p.row}; строки выше (заглавие) пропущены`),
    kk: (p) => (p.sheet ? `тақырып "${p.sheet}" парағының ${p.row}-жолында; жоғарыдағы жол(дар) (атау) өткізілді` : `тақырып ${p.row}-жолда; жоғарыдағы жол(дар) (атау) өткізілді`),
  },
  merged_cells: { en: (p) => `${p.count} merged cell range(s) (${p.ranges}): the rows under the first cell of each have no value of their own; choose "fill down" to repeat it`, ru: (p) => `${p.count} объединённых диапазон(а/ов) (${p.ranges}): у строк под первой ячейкой нет своего значения; выберите «заполнить вниз», чтобы повторить его`, kk: (p) => `${p.count} біріктірілген ұяшық ауқымы (${p.ranges}): бірінші ұяшықтың астындағы жолдардың өз мәні жоқ; оны қайталау үшін «төмен толтыру» таңдаңыз` },
  merged_filled: { en: (p) => `${p.count} merged cell range(s) (${p.ranges}) filled down from their first cell`, ru: (p) => `${p.count} объединённых диапазон(а/ов) (${p.ranges}) заполнены вниз значением первой ячейки`, kk: (p) => `${p.count} біріктірілген ауқым (${p.ranges}) бірінші ұяшықтың мәнімен төмен толтырылды` },
  merged_numeric: { en: (p) => `${p.count} merged cell range(s) (${p.ranges}) in a numeric column: never filled down (a number is not copied to other rows); the rows under the first cell have no value`, ru: (p) => `${p.count} объединённых диапазон(а/ов) (${p.ranges}) в числовом столбце: не заполняются вниз (число не копируется в другие строки); у строк под первой ячейкой нет значения`, kk: (p) => `сандық бағандағы ${p.count} біріктірілген ауқым (${p.ranges}): төмен толтырылмайды (сан басқа жолдарға көшірілмейді); бірінші ұяшықтың астындағы жолдарда мән жоқ` },
  hidden_rows: { en: (p) => `${p.count} hidden row(s) (${p.rows}) were read like the others`, ru: (p) => `${p.count} скрыт(ая/ых) строк(и) (${p.rows}) прочитаны как остальные`, kk: (p) => `${p.count} жасырын жол (${p.rows}) басқалары сияқты оқылды` },
  // cells of a workbook (the cell is no data, the row is kept)
  formula_no_value: { en: (p) => `a formula (=${p.formula}) without a saved value: read as no data (open the file in Excel and save it, or type the value)`, ru: (p) => `формула (=${p.formula}) без сохранённого значения: прочитано как «нет данных» (откройте файл в Excel и сохраните или введите значение)`, kk: (p) => `сақталған мәні жоқ формула (=${p.formula}): «дерек жоқ» деп оқылды (файлды Excel-де ашып сақтаңыз немесе мәнді енгізіңіз)` },
  date_in_numeric: { en: () => 'a date in a numeric column: read as no data', ru: () => 'дата в числовом столбце: прочитано как «нет данных»', kk: () => 'сандық бағанда күн: «дерек жоқ» деп оқылды' },
  // damaged text in FlatGeobuf / DBF records (the record is rejected)
  text_control_chars: { en: () => 'the text holds control characters (a damaged file?): the record is not read', ru: () => 'в тексте управляющие символы (файл повреждён?): запись не прочитана', kk: () => 'мәтінде басқару таңбалары бар (файл бүлінген бе?): жазба оқылмады' },
  text_invalid_utf8: { en: () => 'the text is not valid UTF-8 (damaged bytes): the record is not read', ru: () => 'текст не в корректной кодировке UTF-8 (повреждённые байты): запись не прочитана', kk: () => 'мәтін дұрыс UTF-8 емес (бүлінген байттар): жазба оқылмады' },
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
  unknown_official_category: { en: () => 'unknown approved category: use support / satellite / strategic / other / town (тірек / серіктес / шекара маңы стратегиялық / басқа / қала; опорный / спутниковый / приграничный стратегический / прочий / город)', ru: () => 'неизвестная утверждённая категория: опорный / спутниковый / приграничный стратегический / прочий / город (тірек / серіктес / шекара маңы стратегиялық / басқа / қала; support / satellite / strategic / other / town)', kk: () => 'бекітілген санат белгісіз: тірек / серіктес / шекара маңы стратегиялық / басқа / қала (опорный / спутниковый / приграничный стратегический / прочий / город; support / satellite / strategic / other / town)' },
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
export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

const COLUMN_WORD: Record<Lang, string> = { en: 'column', ru: 'столбец', kk: 'баған' };
const VALUE_WORD: Record<Lang, string> = { en: 'value', ru: 'значение', kk: 'мән' };

/** Where a message is read: the CLI may name its flags; the web app never does, it names its own controls. */
export type ProblemContext = 'cli' | 'web';

/** Web wordings of the messages whose CLI text names a command-line flag. */
const WEB: Partial<Record<ProblemCode, Messages>> = {
  swapped_lat_lon: {
    en: () => 'lat and lon look swapped (the swapped point lies in Kazakhstan); fix the file or press "Fix swapped coordinates" above the problem list',
    ru: () => 'lat и lon, похоже, перепутаны (после обмена точка в Казахстане); исправьте файл или нажмите «Исправить перепутанные координаты» над списком проблем',
    kk: () => 'lat пен lon ауысып кеткен сияқты (ауыстырғанда нүкте Қазақстанда); файлды түзетіңіз немесе мәселелер тізімінің үстіндегі «Ауысқан координаттарды түзету» батырмасын басыңыз',
  },
};

export function problemMessage(p: Pick<Problem, 'code' | 'params'>, lang: Lang = 'en', context: ProblemContext = 'cli'): string {
  return ((context === 'web' && WEB[p.code]) || CHECKED[p.code])[lang](p.params) + (p.params.nodata ? NO_DATA_SUFFIX[lang] : '');
}

/** `line 3, column "lat", value "abc": not a number` (in the chosen language). */
export function formatProblem(p: Problem, unit: 'line' | 'row' | 'feature' = 'line', lang: Lang = 'en', context: ProblemContext = 'cli'): string {
  const where = [p.row > 0 ? `${UNIT_WORDS[unit][lang]} ${p.row}` : '', p.column && p.column !== '*' ? `${COLUMN_WORD[lang]} "${p.column}"` : '', p.value !== '' ? `${VALUE_WORD[lang]} "${p.value.length > 80 ? p.value.slice(0, 77) + '…' : p.value}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${where ? where + ': ' : ''}${problemMessage(p, lang, context)}`;
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
