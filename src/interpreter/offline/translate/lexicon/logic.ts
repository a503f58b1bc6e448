/** And, or, but, except, negation and "never". */
import { sense } from './sense.js';

export const LOGIC = [
  sense('not in', { zh: '不在', th: 'ไม่อยู่ใน' }),
  sense('excluding', { zh: '排除 除了 扣除 去掉 不包括', th: 'ยกเว้น ไม่รวม' }),
  // Said after what they exclude: "日本以外", "黑名单先排除", "ブロックリストに入っていない".
  sense('not in', { ja: 'に入っていない に含まれていない に載っていない', role: { kind: 'postposed' } }),
  sense('excluding', { zh: '以外 之外 先排除 除外', ja: '以外 を除く を除いた 除く 除外 を除外', role: { kind: 'postposed' } }),
  sense('never', { zh: '从未 從未 从来没有 從來沒有 从没 從沒 未曾 从不 從不', ja: '一度も', th: 'ไม่เคย' }),
  sense('not', { zh: '没有 沒有 没 沒 未 不 尚未 还没 還沒 还没有 還沒有 不曾', ja: 'ない ません なかった ず なし 未', th: 'ไม่ ไม่ได้ ไม่มี ยังไม่ ยังไม่ได้' }),
  sense('or', { zh: '或者 或是 或 还是 還是', ja: 'または もしくは あるいは か', th: 'หรือ' }),
  sense('and', { zh: '并且 並且 而且 且 同时 同時 以及 和 与 與 及 跟 并 並', ja: 'かつ および そして と や', th: 'และ รวมถึง กับ' }),
  sense('but', { zh: '但是 但 却 卻 可是 不过 不過', ja: 'が、 けど けれど けれども しかし ですが だが のに', th: 'แต่' }),
];
