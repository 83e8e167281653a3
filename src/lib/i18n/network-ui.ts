// The Network tab's strings (kk/ru/en), by key with `{param}`s; the worker's error messages are in network.ts.
import type { Lang } from '../engine/types.ts';
import { fill } from './index.ts';

export const NETWORK_UI = {
  problem: { kk: 'Есеп', ru: 'Задача', en: 'Problem' },
  'problem.mclp': { kk: 'Ең көп адамды қамту (N тірек)', ru: 'Наибольший охват (N опорных)', en: 'Maximal covering (N supports)' },
  'problem.lscp': { kk: 'Үлесті қамтитын ең аз тірек', ru: 'Наименьшее число опорных для доли', en: 'Fewest supports for a share' },
  'problem.pmedian': { kk: 'Ең аз орташа қашықтық (N тірек)', ru: 'Наименьшее среднее расстояние (N опорных)', en: 'Shortest average distance (N supports)' },
  supports: { kk: 'Тірек саны N', ru: 'Число опорных N', en: 'Supports N' },
  target: { kk: 'Ауыл тұрғындарының үлесі, %', ru: 'Доля сельских жителей, %', en: 'Share of rural people, %' },
  radius: { kk: 'Радиус, км', ru: 'Радиус, км', en: 'Radius, km' },
  'radius.scenario': { kk: 'сценарийдің өңір радиустары', ru: 'радиусы регионов из сценария', en: "the scenario's regional radii" },
  candidates: { kk: 'Үміткерлер', ru: 'Кандидаты', en: 'Candidates' },
  'candidates.eligible': { kk: 'әдістеме бойынша лайықтылар', ru: 'подходящие по методике', en: 'eligible by the methodology' },
  'candidates.all': { kk: 'барлық ауылдық елді мекендер', ru: 'все сельские населённые пункты', en: 'all rural settlements' },
  keepCurrent: { kk: 'Қазіргі тіректерді сақтау', ru: 'Сохранить текущие опорные', en: 'Keep the current supports' },
  excluded: { kk: 'Алынып тасталатын идентификаторлар', ru: 'Исключить идентификаторы', en: 'Excluded ids' },
  run: { kk: 'Есептеу', ru: 'Рассчитать', en: 'Run' },
  cancel: { kk: 'Тоқтату', ru: 'Отменить', en: 'Cancel' },
  cancelled: { kk: 'Тоқтатылды', ru: 'Отменено', en: 'Cancelled' },
  'phase.lists': { kk: 'қамту тізімдері', ru: 'списки охвата', en: 'coverage lists' },
  'phase.greedy': { kk: 'алғашқы жауап', ru: 'первый ответ', en: 'first answer' },
  'phase.improve': { kk: 'жақсарту', ru: 'улучшение', en: 'improving' },
  'phase.bound': { kk: 'жоғарғы шек', ru: 'верхняя граница', en: 'upper bound' },
  'phase.assign': { kk: 'тағайындау', ru: 'назначение', en: 'assigning' },
  best: { kk: 'Ең жақсы {n} тірек ауыл тұрғындарының {share} қамтиды ({people} адам).', ru: 'Лучшие {n} опорных охватывают {share} сельских жителей ({people} чел.).', en: 'The best {n} supports cover {share} of rural people ({people}).' },
  'cmp.current': { kk: 'Қазіргі {n} тірек {x} қамтиды', ru: 'Текущие {n} опорных охватывают {x}', en: 'The current {n} supports cover {x}' },
  'cmp.best': { kk: 'ең жақсы {n} тірек {y} қамтиды', ru: 'лучшие {n} охватывают {y}', en: 'the best {n} cover {y}' },
  'cmp.suffice': { kk: '{x} үшін {m} тірек жеткілікті', ru: 'для {x} достаточно {m}', en: '{m} suffice for {x}' },
  'cmp.note': { kk: '(ауыл тұрғындарының үлесі, сол радиуспен)', ru: '(доля сельских жителей, тот же радиус)', en: '(share of rural people, same radius)' },
  gap: { kk: 'Мүмкін болатын ең жақсысынан {gap} шегінде.', ru: 'В пределах {gap} от наилучшего возможного.', en: 'Within {gap} of the best possible.' },
  curve: { kk: 'Қамту қисығы: қамтылған үлес пен N', ru: 'Кривая охвата: доля охвата от N', en: 'Coverage curve: covered share against N' },
  table: { kk: 'Ұсынылған тіректер', ru: 'Предложенные опорные', en: 'Suggested supports' },
  'col.name': { kk: 'Атауы', ru: 'Название', en: 'Name' },
  'col.id': { kk: 'Идентификатор', ru: 'Идентификатор', en: 'Id' },
  'col.served': { kk: 'Қызмет көрсетілетін адамдар', ru: 'Обслуживаемых жителей', en: 'People served' },
  csv: { kk: 'CSV жүктеп алу', ru: 'Скачать CSV', en: 'Download CSV' },
  apply: { kk: 'Сценарий ретінде қолдану', ru: 'Применить как сценарий', en: 'Apply as a scenario' },
  applied: { kk: 'Сценарийде {n} тірек', ru: 'В сценарии {n} опорных', en: '{n} supports in the scenario' },
  unapply: { kk: 'Әдістеме ережелеріне қайту', ru: 'Вернуть правила методики', en: 'Back to the methodology rules' },
  onMap: { kk: 'Ұсынысты картада көрсету', ru: 'Показать предложение на карте', en: 'Show the suggestion on the map' },
  'legend.title': { kk: 'Ұсынылған желі', ru: 'Предложенная сеть', en: 'Suggested network' },
  'legend.hint': { kk: 'Бекітілген тізім — қазіргі бағалаудың ауылдық тірек елді мекендері.', ru: 'Утверждённые — опорные сельские пункты текущей оценки.', en: 'Approved: the rural supports of the assessment in force.' },
  net_kept: { kk: 'Бекітілген тірек, ұсыныста қалды', ru: 'Утверждённый опорный, оставлен', en: 'Approved support, kept' },
  net_new: { kk: 'Жаңа ұсынылған тірек', ru: 'Новый предложенный опорный', en: 'Newly suggested support' },
  net_dropped: { kk: 'Бекітілген тірек, ұсынылмаған', ru: 'Утверждённый опорный, не предложен', en: 'Approved support, not suggested' },
  net_covered: { kk: 'Қамтылған (тірек радиусында)', ru: 'Охвачен (в радиусе опорного)', en: 'Covered (within a support’s radius)' },
  net_uncovered: { kk: 'Қамтылмаған', ru: 'Не охвачен', en: 'Left uncovered' },
  net_outside: { kk: 'Қала немесе тізілімде жоқ', ru: 'Город или нет в реестре', en: 'Town or not in the register' },
  'bad.supports': { kk: '«{field}»: 1-ден {max}-ға дейінгі бүтін сан керек', ru: '«{field}»: нужно целое число от 1 до {max}', en: '"{field}": a whole number from 1 to {max} is needed' },
  'bad.target': { kk: '«{field}»: 1-ден 100-ге дейінгі сан керек', ru: '«{field}»: нужно число от 1 до 100', en: '"{field}": a number from 1 to 100 is needed' },
  'bad.radius': { kk: '«{field}»: 0-ден үлкен, 500-ден аспайтын сан керек', ru: '«{field}»: нужно число больше 0 и не больше 500', en: '"{field}": a number above 0 and at most 500 is needed' },
} as const satisfies Record<string, Record<Lang, string>>;

export type NetworkUiKey = keyof typeof NETWORK_UI;

export function tn(lang: Lang, key: NetworkUiKey, params?: Record<string, string | number>): string {
  return fill(NETWORK_UI[key][lang], params);
}
