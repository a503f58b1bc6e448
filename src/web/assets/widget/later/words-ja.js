/** The page's own words in Japanese (ui/words.js). */
export const WORDS = {
  describe: '作りたいオーディエンスを説明してください',
  build: '作成',
  draftTitle: 'オーディエンスの下書き',
  changeInWords: '言葉で変更する',
  change: '変更',
  saveTitle: 'このオーディエンスを保存',
  name: '名前',
  description: '説明（任意）',
  apply: '適用',
  editConditions: '条件を編集',
  ownWords: '自分の言葉で答える',
  answer: '回答',
};
