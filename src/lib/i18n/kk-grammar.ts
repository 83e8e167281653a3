// Kazakh genitive ending (ілік септік) for a place name: «Зайсан» → «Зайсанның», «Семей» → «Семейдің»,
// «Ақтөбе» → «Ақтөбенің». Vowel harmony by the last vowel; the consonant of the ending by the last letter:
// н- after a vowel or м, н, ң; д- after л, р, у, й, ж, з; т- otherwise. A name not ending in a Cyrillic letter is
// returned as it is (the caller words the phrase without the ending).
const BACK = 'аоұыяёюАОҰЫЯЁЮ';
const FRONT = 'әөүіеэиӘӨҮІЕЭИ';
const VOWELS = BACK + FRONT + 'уУ';

export function kkGenitive(name: string): string | null {
  const word = name.trim();
  const last = word.at(-1)?.toLowerCase() ?? '';
  if (!/[а-яёәғқңөұүһі]/.test(last)) return null;
  let front = false;
  for (let i = word.length - 1; i >= 0; i--) {
    if (BACK.includes(word[i])) break;
    if (FRONT.includes(word[i])) {
      front = true;
      break;
    }
  }
  const consonant = VOWELS.includes(last) && last !== 'у' ? 'н' : 'мнң'.includes(last) ? 'н' : 'лруйжз'.includes(last) ? 'д' : 'т';
  return `${word}${consonant}${front ? 'ің' : 'ың'}`;
}
