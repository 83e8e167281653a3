// The tooltip of a scenario default: its status and its source in the UI language. The sources are English texts
// of the presets (engine/config/presets.ts, also written into export parameters); their parts ("; " separates
// them) are translated here where known, and an unknown part is shown as written, marked as English.
import type { Lang } from '../../engine/types.ts';
import { t, tDynamic } from '../../i18n/index.ts';

const ORDER_81 = 'Order No. 81 of 13.09.2019 as summarised in the ministry letter to deputies (2023, ДС-275)';
const ORDER_50 = 'Order No. 50 of 10.06.2025 (27 indicators in four blocks)';

/** English part → [ru, kk]. */
const PARTS: Record<string, [string, string]> = {
  [ORDER_81]: ['Приказ № 81 от 13.09.2019 в изложении письма министерства депутатам (2023, ДС-275)', '2019 жылғы 13.09. № 81 бұйрық, министрліктің депутаттарға хатындағы баяндауы бойынша (2023, ДС-275)'],
  [ORDER_50]: ['Приказ № 50 от 10.06.2025 (27 показателей в четырёх блоках)', '2025 жылғы 10.06. № 50 бұйрық (төрт блокта 27 көрсеткіш)'],
  'Auyl Atlas rule for places without a KATO type: from this many people a place is a town': ['правило Auyl Atlas для населённых пунктов без типа КАТО: от этой численности населённый пункт — город', 'КАТО түрі жоқ елді мекендерге Auyl Atlas ережесі: осы тұрғын санынан бастап елді мекен — қала'],
  'Auyl Atlas default': ['значение Auyl Atlas по умолчанию', 'Auyl Atlas әдепкі мәні'],
  'Auyl Atlas default: the order annex with points and thresholds is not public': ['значение Auyl Atlas по умолчанию: приложение к приказу с баллами и порогами не опубликовано', 'Auyl Atlas әдепкі мәні: балдар мен шектер көрсетілген бұйрық қосымшасы жарияланбаған'],
  'block points are an Auyl Atlas default': ['баллы блоков — значение Auyl Atlas по умолчанию', 'блок балдары — Auyl Atlas әдепкі мәні'],
  'Proximity to large settlements (2023 letter)': ['Близость к крупным населённым пунктам (письмо 2023 г.)', 'Ірі елді мекендерге жақындық (2023 жылғы хат)'],
  'tier thresholds are Auyl Atlas defaults': ['пороги уровней — значения Auyl Atlas по умолчанию', 'деңгей шектері — Auyl Atlas әдепкі мәндері'],
  'District centres as service centres (2013 four-tier settlement system)': ['Районные центры как центры обслуживания (четырёхуровневая система расселения 2013 г.)', 'Аудан орталықтары қызмет көрсету орталықтары ретінде (2013 жылғы төрт деңгейлі қоныстану жүйесі)'],
  'High/medium/low classes as in the 2013 and 2016 rules': ['Классы высокий/средний/низкий, как в правилах 2013 и 2016 гг.', 'Жоғары/орташа/төмен сыныптары, 2013 және 2016 жылғы қағидалардағыдай'],
  'cut-offs and coverage threshold are Auyl Atlas defaults': ['пороги и порог полноты данных — значения Auyl Atlas по умолчанию', 'шектер мен деректер толықтығының шегі — Auyl Atlas әдепкі мәндері'],
  'Auyl Atlas default: absorbs the differing resolutions of boundary sources': ['значение Auyl Atlas по умолчанию: сглаживает разную точность источников границ', 'Auyl Atlas әдепкі мәні: шекара дереккөздерінің әртүрлі дәлдігін теңестіреді'],
  'Settlements with fewer than 50 permanent residents are not kept as separate settlements (earlier law)': ['Населённые пункты с постоянным населением менее 50 человек не сохраняются как отдельные (прежний закон)', 'Тұрақты тұрғындары 50-ден аз елді мекендер жеке елді мекен ретінде сақталмайды (бұрынғы заң)'],
  'Satellites within 10–15 km of a support settlement (minister, 2021)': ['Спутники в пределах 10–15 км от опорного пункта (министр, 2021)', 'Серіктестер тірек елді мекеннен 10–15 км шегінде (министр, 2021)'],
  'Karaganda region uses 15 km': ['в Карагандинской области — 15 км', 'Қарағанды облысында — 15 км'],
  'About 1,300 villages lie within 50 km of the state border (2023)': ['Около 1 300 сёл находятся в пределах 50 км от государственной границы (2023)', 'Шамамен 1 300 ауыл мемлекеттік шекарадан 50 км шегінде орналасқан (2023)'],
  'China and Russia border programmes (2023 letter)': ['программы для границ с Китаем и Россией (письмо 2023 г.)', 'Қытай және Ресей шекаралары бағдарламалары (2023 жылғы хат)'],
  'The letter lists a geospatial provision («геокеңістіктік ереже»), a rule without points': ['Письмо называет геопространственное положение («геокеңістіктік ереже») — правило без баллов', 'Хатта геокеңістіктік ереже аталады — балсыз ереже'],
  'the 10 points when scored are an Auyl Atlas option': ['10 баллов при начислении — вариант Auyl Atlas', 'балл берілгенде 10 балл — Auyl Atlas нұсқасы'],
  'Strategic border settlements (West Kazakhstan: 35 of 416)': ['Стратегические приграничные населённые пункты (Западно-Казахстанская область: 35 из 416)', 'Шекара маңы стратегиялық елді мекендер (Батыс Қазақстан: 416-ның 35-і)'],
};

type Label = { en?: string | null; ru?: string | null; kk?: string | null };

/** An indicator's source part "<its English label> [confirmed, 2025]": the label and the status in `lang`. */
function labelPart(lang: Lang, part: string, label: Label | undefined): string | null {
  const m = /^(.*?)\s*(?:\[(confirmed|letter|assumed)(, \d{4})?\])?$/.exec(part);
  if (!m || !label?.en || m[1] !== label.en || !label[lang]) return null;
  return `${label[lang]}${m[2] ? ` [${tDynamic(lang, `provenance.${m[2]}`, m[2])}${m[3] ?? ''}]` : ''}`;
}

/** A preset's source text in the UI language, part by part; `label`: the indicator or block the source is of
 *  (its name starts an indicator's source). */
export function sourceText(lang: Lang, source: string, label?: Label): string {
  if (lang === 'en' || !source) return source;
  return source
    .split('; ')
    .map((part) => {
      const known = PARTS[part];
      if (known) return known[lang === 'ru' ? 0 : 1];
      return labelPart(lang, part, label) ?? `${part} (${t(lang, 'scen.inEnglish')})`;
    })
    .join('; ');
}

/** The tooltip: «Мәртебесі: расталған. Дереккөзі: …». */
export const defaultTitle = (lang: Lang, status: string, source: string, label?: Label) =>
  `${t(lang, 'scen.statusLead')}: ${tDynamic(lang, `provenance.${status}`, status)}. ${t(lang, 'scen.sourceLead')}: ${sourceText(lang, source, label) || '—'}`;
