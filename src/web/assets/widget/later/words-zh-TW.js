/** The page's own words in Traditional Chinese (ui/words.js). */
export const WORDS = {
  describe: '描述您想要的受眾',
  build: '建立',
  draftTitle: '受眾草稿',
  changeInWords: '用文字修改',
  change: '修改',
  saveTitle: '儲存這個受眾',
  name: '名稱',
  description: '說明（選填）',
  apply: '套用',
  editConditions: '編輯條件',
  ownWords: '或用自己的話回答',
  answer: '回答',
};
