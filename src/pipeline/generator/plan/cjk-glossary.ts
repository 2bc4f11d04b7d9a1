/**
 * English words for Chinese and Japanese feature labels the domain table does not know. A CJK
 * label has no Latin letters to name a class after, so without these "買い物リスト" and "医生"
 * become `Entry3` with a title; with them the English rules name and shape the record like
 * "Shopping list" (name, quantity, bought) and "Doctors" (name, phone, email). The screen keeps
 * the user's label. Each row: the English words, then the words as written (Chinese, Japanese),
 * matched inside the label like the table's; the one that ends last wins (a compound's head).
 */
import { cjkPhraseEnd, foldText } from './text-match';

const GLOSSARY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['shopping list', ['购物清单', '购物单', '买菜清单', '買い物リスト', '買い物', '買物']],
  ['doctor', ['医生', '医师', '医師', 'ドクター']],
  ['teacher', ['老师', '教师', '教師', '講師']],
  ['patient', ['患者', '病人']],
  ['member', ['会员', '成员', '会員', 'メンバー']],
  ['player', ['选手', '球员', '選手']],
  ['parent', ['家长', '保護者']],
  ['volunteer', ['志愿者', 'ボランティア']],
  ['supplier', ['供应商', '仕入先']],
  ['coach', ['教练', 'コーチ']],
];

/** The English words for a label with no Latin letters whose words the glossary knows, else undefined. */
export function cjkGloss(label: string): string | undefined {
  const folded = foldText(label);
  if (/[a-z]/.test(folded)) return undefined;
  let best: { english: string; end: number; length: number } | undefined;
  for (const [english, written] of GLOSSARY) {
    for (const word of written) {
      const end = cjkPhraseEnd(folded, word);
      if (end === 0) continue;
      if (!best || end > best.end || (end === best.end && word.length > best.length)) {
        best = { english, end, length: word.length };
      }
    }
  }
  return best?.english;
}
