/**
 * Thai requests, rewritten phrase by phrase into parser English. Thai writes words without
 * spaces, so every rule is a substring; longer phrases come first (คำสั่งซื้อ before สั่งซื้อ,
 * สมัครสมาชิก before สมาชิก, ไม่เคย before ไม่).
 */
import { applyRules, spaceLatinWords, thaiDigitsToAscii, type Rule } from './rules.js';

const W = (en: string) => ` ${en} `;
const AGO = '(?:ที่แล้ว|ก่อน|มาแล้ว)';
const PAST = '(?:ที่ผ่านมา|ล่าสุด|หลังสุด|ย้อนหลัง)';

const RULES: Rule[] = [
  [/(\d[\d,]*(?:\.\d+)?)\s*(?:ดอลลาร์|เหรียญ|USD)/g, ' $$$1 '],
  [/อายุ\s*(\d+)\s*(?:ถึง|-|–)\s*(\d+)\s*ปี/g, ' aged $1 to $2 '],
  [/อายุ\s*(?:ตั้งแต่)?\s*(\d+)\s*ปี\s*ขึ้นไป/g, ' at least $1 years old '],
  [/(\d+)\s*ปี\s*ขึ้นไป/g, ' at least $1 years old '],
  [/(\d+)\s*ครั้ง\s*ขึ้นไป/g, ' at least $1 times '], [/(\d+)\s*ครั้ง/g, ' $1 times '],
  [/(\d+)\s*(?:คำสั่งซื้อ|ออเดอร์)/g, ' $1 orders '],
  [/(\d+)\s*ดาว/g, ' $1 stars '],
  [/(\$?\d[\d,]*(?:\.\d+)?)\s*ขึ้นไป/g, ' at least $1 '],
  // Windows.
  [new RegExp(`(?:ใน|ภายใน)?\\s*(?:ช่วง)?\\s*(\\d+)\\s*วัน\\s*${PAST}`, 'g'), ' in the last $1 days '],
  [new RegExp(`(?:ใน|ภายใน)?\\s*(?:ช่วง)?\\s*(\\d+)\\s*(?:สัปดาห์|อาทิตย์)\\s*${PAST}`, 'g'), ' in the last $1 weeks '],
  [new RegExp(`(?:ใน|ภายใน)?\\s*(?:ช่วง)?\\s*(\\d+)\\s*เดือน\\s*${PAST}`, 'g'), ' in the last $1 months '],
  [new RegExp(`(?:ใน|ภายใน)?\\s*(?:ช่วง)?\\s*(\\d+)\\s*ปี\\s*${PAST}`, 'g'), ' in the last $1 years '],
  [/(?:ภายใน|ใน)\s*(?:ช่วง)?\s*(\d+)\s*วัน/g, ' in the last $1 days '],
  [/(?:ภายใน|ใน)\s*(?:ช่วง)?\s*(\d+)\s*(?:สัปดาห์|อาทิตย์)/g, ' in the last $1 weeks '],
  [/(?:ภายใน|ใน)\s*(?:ช่วง)?\s*(\d+)\s*เดือน/g, ' in the last $1 months '],
  [/(?:ภายใน|ใน)\s*(?:ช่วง)?\s*(\d+)\s*ปี/g, ' in the last $1 years '],
  [new RegExp(`(?:มากกว่า|เกิน|กว่า)\\s*(\\d+)\\s*วัน\\s*${AGO}`, 'g'), ' more than $1 days ago '],
  [new RegExp(`(?:มากกว่า|เกิน|กว่า)\\s*(\\d+)\\s*เดือน\\s*${AGO}`, 'g'), ' more than $1 months ago '],
  [new RegExp(`(\\d+)\\s*วัน\\s*${AGO}`, 'g'), ' $1 days ago '], [new RegExp(`(\\d+)\\s*เดือน\\s*${AGO}`, 'g'), ' $1 months ago '],
  [new RegExp(`(?:ใน)?\\s*(?:สัปดาห์|อาทิตย์)\\s*${PAST}`, 'g'), ' in the last week '],
  [new RegExp(`(?:ใน)?\\s*เดือน\\s*${PAST}`, 'g'), ' in the last month '], [new RegExp(`(?:ใน)?\\s*ปี\\s*${PAST}`, 'g'), ' in the last year '],
  [/เดือนนี้/g, ' this month '], [/ปีนี้/g, ' this year '],
  [/(?:การ)?(?:ซื้อ|สั่งซื้อ)(?:สินค้า)?\s*ครั้ง\s*ล่าสุด/g, ' last purchase '],
  // Comparisons.
  [/ไม่เกิน|ไม่มากกว่า|สูงสุด/g, W('at most')], [/อย่างน้อย|ไม่น้อยกว่า|ขั้นต่ำ/g, W('at least')],
  [/มากกว่า|เกินกว่า|เกิน|สูงกว่า/g, W('more than')], [/น้อยกว่า|ต่ำกว่า/g, W('less than')],
  [/ระหว่าง/g, W('between')],
  // Things outside the data.
  [/หน้าร้าน|ร้านค้าจริง|ร้านจริง|สาขา|ออฟไลน์/g, W('physical stores')], [/เว็บบินาร์|สัมมนา/g, W('webinar')],
  // Vague words.
  [/ใช้จ่ายสูง|ใช้จ่ายเยอะ|ยอดใช้จ่ายสูง|ซื้อเยอะ/g, W('high-spending')], [/มูลค่าสูง/g, W('high-value')],
  [/ภักดี|ลูกค้าประจำ/g, W('loyal')], [/เลิกซื้อ|หายไป|ไม่กลับมา/g, W('churned')], [/บ่อยๆ|บ่อย ๆ|บ่อย/g, W('frequently')],
  [/ลูกค้าใหม่/g, W('new customers')], [/สนใจ/g, W('interested in')], [/มีแนวโน้มจะซื้อ|น่าจะซื้อ/g, W('likely to buy')],
  // Glossary words.
  [/ไม่(?:ได้)?ใช้งาน|ไม่แอคทีฟ/g, W('inactive')], [/ใช้งานอยู่|แอคทีฟ|แอ็กทีฟ/g, W('active')],
  [/มีส่วนร่วม/g, W('engaged')], [/การมีปฏิสัมพันธ์|ปฏิสัมพันธ์|การโต้ตอบ/g, W('interaction')],
  [/เมื่อเร็วๆ\s*นี้|เมื่อเร็ว ๆ นี้|ช่วงนี้/g, W('recently')],
  // Booleans.
  [/สมัครรับ(?:ข่าวสารทาง)?อีเมล|รับอีเมลข่าวสาร|ยินยอมรับอีเมล/g, W('subscribed to email')],
  [/สมัครรับ\s*SMS/gi, W('subscribed to sms')],
  [/เปิดรับการแจ้งเตือน(?:แบบ)?(?:พุช)?(?:ไว้)?|เปิดการแจ้งเตือน(?:แบบ)?(?:พุช)?ไว้|อนุญาต(?:ให้)?(?:ส่ง)?การแจ้งเตือน(?:แบบ)?(?:พุช)?/g, W('push enabled')],
  [/ติดตาม\s*LINE|เพื่อนใน\s*LINE|แอด\s*LINE|เพิ่มเพื่อน\s*LINE/gi, W('LINE followers')],
  [/ไม่มีเบอร์(?:โทร(?:ศัพท์)?)?/g, W('without a phone number')], [/เบอร์โทร(?:ศัพท์)?|หมายเลขโทรศัพท์/g, W('phone number')],
  [/ความน่าจะเป็นในการซื้อ|โอกาส(?:ใน)?การซื้อ/g, W('purchase probability')],
  [/บันทึก|โน้ต/g, W('notes')], [/กล่าวถึง|มีคำว่า/g, W('mention')],
  // The visit (live audiences), before เข้าชม and เยี่ยมชม are read as verbs.
  [/(?:บน|ใช้|ผ่าน)(?=\s*(?:มือถือ|สมาร์ทโฟน|แท็บเล็ต|คอมพิวเตอร์|เดสก์ท็อป))/g, ' '],
  [/ผู้เข้าชมใหม่|ผู้เยี่ยมชมใหม่/g, W('new visitors')], [/ผู้เข้าชมที่กลับมา|ผู้เยี่ยมชมที่กลับมา/g, W('returning visitors')],
  [/ผู้เข้าชม|ผู้เยี่ยมชม/g, W('visitors')],
  [/(?<!เบอร์)มือถือ|สมาร์ทโฟน/g, W('on mobile')], [/แท็บเล็ต/g, W('on a tablet')], [/คอมพิวเตอร์|เดสก์ท็อป/g, W('on desktop')],
  [/สุดสัปดาห์|เสาร์อาทิตย์/g, W('at the weekend')], [/วันธรรมดา/g, W('on weekdays')], [/กลางคืน|ตอนดึก/g, W('at night')],
  [/ตอนเย็น|ตอนค่ำ/g, W('in the evening')], [/ตอนเช้า/g, W('in the morning')], [/ตอนบ่าย/g, W('in the afternoon')],
  // Events.
  [/ยอดใช้จ่ายรวม|ยอดซื้อรวม|ใช้จ่ายรวม|ยอดรวม/g, W('total spend')], [/มูลค่าคำสั่งซื้อเฉลี่ย|ยอดสั่งซื้อเฉลี่ย|ยอดซื้อเฉลี่ย/g, W('average order value')],
  [/คำสั่งซื้อ|ออเดอร์/g, W('orders')],
  [/(?:ละทิ้ง|ทิ้ง)ตะกร้า(?:สินค้า)?/g, W('abandoned cart')], [/(?:ละทิ้ง|ทิ้ง|ยกเลิก)การ(?:ชำระเงิน|เช็คเอาท์|เช็คเอาต์)/g, W('abandoned checkout')],
  [/(?:เพิ่ม|ใส่)(?:สินค้า)?(?:ลง|ใน|เข้า)?(?:ใน)?ตะกร้า(?:สินค้า)?/g, W('added to cart')], [/ชำระเงิน|เช็คเอาท์|เช็คเอาต์/g, W('started checkout')],
  [/ขอคืนเงิน|คืนเงิน|คืนสินค้า/g, W('refunded')], [/เขียนรีวิว|รีวิว|ให้คะแนน/g, W('left a review')], [/คะแนน/g, W('rating')],
  [/(?:รับ|เก็บ)คูปอง/g, W('claimed a coupon')], [/ใช้(?:คูปอง|โค้ด(?:ส่วนลด)?)/g, W('used the coupon')], [/คูปอง|โค้ดส่วนลด/g, W('coupon')],
  [/สมัครสมาชิก|ลงทะเบียน|สมัคร/g, W('signed up')], [/เยี่ยมชม|เข้าเว็บ(?:ไซต์)?|เข้าใช้|ล็อกอิน|เข้าสู่ระบบ/g, W('visited')], [/มาจาก/g, W('came from')],
  [/เปิดดู|ดู|เข้าชม/g, W('viewed')], [/เปิด(?:อ่าน)?/g, W('opened')], [/คลิก/g, W('clicked')], [/ได้รับ/g, W('received')],
  [/อีเมล/g, W('email')], [/การแจ้งเตือนแบบพุช|การแจ้งเตือนพุช|พุชโนติ(?:ฟิเคชัน)?|พุช|การแจ้งเตือน/g, W('push notification')],
  [/เอสเอ็มเอส|SMS|ข้อความ/gi, W('sms')], [/โปรโมชั่น|โปรโมชัน/g, W('promotional')],
  [/สั่งซื้อ|ซื้อ|ช้อป/g, W('purchased')], [/ใช้จ่าย|ใช้เงิน/g, W('spent')],
  // Values.
  [/แพลทินัม|แพลตินัม|ทองคำขาว/g, W('platinum')], [/โกลด์|ทอง/g, W('gold')], [/ซิลเวอร์/g, W('silver')], [/บรอนซ์/g, W('bronze')],
  [/สมาชิก/g, W('members')], [/ระดับ/g, W('tier')],
  [/ผู้หญิง|เพศหญิง|หญิง/g, W('women')], [/ผู้ชาย|เพศชาย|ชาย/g, W('men')], [/อายุ/g, W('age')],
  [/แอนดรอยด์/g, W('Android')], [/ไอโฟน/g, W('iPhone')],
  [/เยอรมนี|เยอรมัน/g, W('Germany')], [/ญี่ปุ่น/g, W('Japan')], [/ไต้หวัน/g, W('Taiwan')], [/สหรัฐอเมริกา|สหรัฐฯ|สหรัฐ|อเมริกา/g, W('US')],
  [/แคนาดา/g, W('Canada')], [/อังกฤษ|สหราชอาณาจักร/g, W('UK')], [/ฝรั่งเศส/g, W('France')], [/บราซิล/g, W('Brazil')],
  [/ประเทศไทย|ไทย/g, W('Thailand')], [/ออสเตรเลีย/g, W('Australia')],
  [/กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ/g, W('Bangkok')], [/เชียงใหม่/g, W('Chiang Mai')], [/โตเกียว/g, W('Tokyo')], [/โอซาก้า/g, W('Osaka')],
  [/ลอนดอน/g, W('London')], [/ไทเป/g, W('Taipei')], [/เบอร์ลิน/g, W('Berlin')], [/ปารีส/g, W('Paris')], [/ซิดนีย์/g, W('Sydney')],
  [/ติดแท็ก|แท็ก/g, W('tagged')], [/คนรักแมว|ทาสแมว/g, W('Cat Lover')], [/คนรักสุนัข|คนรักหมา/g, W('Dog Lover')], [/สายเทค|คนชอบเทคโนโลยี/g, W('Tech Enthusiast')],
  [/อุปกรณ์สัตว์เลี้ยง|สินค้าสัตว์เลี้ยง/g, W('Pet Supplies')],
  [/ความงาม|บิวตี้|เครื่องสำอาง/g, W('Beauty')], [/อิเล็กทรอนิกส์|อุปกรณ์อิเล็กทรอนิกส์/g, W('Electronics')], [/ของเล่น/g, W('Toys')],
  [/เสื้อผ้า|แฟชั่น/g, W('Apparel')], [/ของใช้ในบ้าน/g, W('Home')],
  [/บัญชีดำ|แบล็กลิสต์|แบล็คลิสต์/g, W('Blocklist')], [/รายชื่อ|ลิสต์/g, W('list')], [/สินค้า/g, W('products')],
  // Joins and negation.
  [/ไม่อยู่ใน/g, W('not in')], [/ยกเว้น|ไม่รวม/g, W('excluding')],
  [/ไม่เคย/g, W('never')], [/ยังไม่(?:ได้)?/g, W('not yet')], [/ไม่ได้|ไม่มี|ไม่/g, W('not')],
  [/หรือ/g, W('or')], [/และ|รวมถึง/g, W('and')], [/แต่/g, W('but')],
  [/ที่|ซึ่ง/g, W('who')], [/จาก|อาศัยอยู่(?:ใน|ที่)?/g, W('from')], [/ใน/g, W('in')],
  [/ลูกค้า|ผู้ใช้|คน/g, W('customers')],
  [/เคย|แล้ว|ได้|มี|ทั้งหมด|ช่วย|ค้นหา|แสดง|ของ|ที่ผ่านมา|ครั้ง|อยู่|ไว้|กับ|ให้|การ/g, ' '],
];

export function thToEnglish(text: string): string {
  return applyRules(thaiDigitsToAscii(spaceLatinWords(text)), RULES).replace(/\s+/g, ' ').trim();
}
