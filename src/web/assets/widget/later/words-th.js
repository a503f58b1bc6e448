/** The page's own words in Thai (ui/words.js). */
export const WORDS = {
  describe: 'อธิบายกลุ่มเป้าหมายที่คุณต้องการ',
  build: 'สร้าง',
  draftTitle: 'ร่างกลุ่มเป้าหมาย',
  changeInWords: 'เปลี่ยนด้วยคำพูด',
  change: 'เปลี่ยน',
  saveTitle: 'บันทึกกลุ่มเป้าหมายนี้',
  name: 'ชื่อ',
  description: 'คำอธิบาย (ไม่บังคับ)',
  apply: 'ใช้',
  editConditions: 'แก้ไขเงื่อนไข',
  ownWords: 'หรือตอบด้วยคำของคุณเอง',
  answer: 'ตอบ',
};
