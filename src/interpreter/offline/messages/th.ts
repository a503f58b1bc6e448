import { formatNumber } from '../text/numbers.js';
import type { OutOfScopeId } from '../lexicon/out-of-scope-words.js';
import { en } from './en.js';
import type { Messages } from './types.js';

const THINGS: Record<OutOfScopeId, string> = {
  in_store: 'การซื้อที่หน้าร้าน', events: 'การเข้าร่วมเว็บบินาร์หรืออีเวนต์', support: 'การติดต่อฝ่ายบริการลูกค้า', offline_ads: 'โฆษณาออฟไลน์',
  gift_cards: 'บัตรของขวัญหรือแต้มสะสม', wishlists: 'รายการโปรด', searches: 'การค้นหา', referrals: 'การแนะนำหรือแชร์', subscriptions: 'การสมัครสมาชิกแบบเสียเงิน', future: 'สิ่งที่ผู้คนจะทำในอนาคต (บันทึกไว้เฉพาะสิ่งที่ทำไปแล้ว)',
};

const people = (n: number) => `${formatNumber(n)} คน`;
const share = (s: number | undefined) => (s === undefined ? '' : `${formatNumber(s)}% แรก, `);

export const th: Messages = {
  foundEvent: (name) => `พบอีเวนต์ ${name}`,
  foundValue: (value, field) => `พบค่า ${value} ของ ${field}`,
  foundTag: (tag) => `พบแท็ก ${tag}`,
  foundList: (name) => `พบรายชื่อ ${name}`,
  foundTrait: (name) => `พบคุณสมบัติ ${name}`,
  foundGlossary: (term, meaning) => `พบคำศัพท์ "${term}": ${meaning}`,
  measured: (what) => `คำนวณ ${what}`,

  promptLength: (min, max, length) => `กรุณาอธิบายกลุ่มเป้าหมายด้วยความยาว ${min} ถึง ${max} ตัวอักษร (ตอนนี้ ${length} ตัวอักษร)`,
  lookbackExceeded: (days) => `แพ็กเกจของคุณรองรับประวัติการคำนวณได้เพียง ${days} วัน`,
  unknownThing: (words) => `ไม่พบ "${words}" ในข้อมูลของเวิร์กสเปซนี้`,
  outOfScope: (thing, alternative) => `ข้อมูลของเวิร์กสเปซนี้ไม่มี${THINGS[thing]}${alternative ? ` ใช้ ${alternative} แทนได้` : ''}`,
  noSuchEvent: (what) => `เวิร์กสเปซนี้ไม่ได้ติดตาม "${what}"`,
  missingValue: (value, field, examples) => `ไม่มีลูกค้าที่มี ${field} เป็น "${value}"${examples.length ? ` ค่าที่มีในข้อมูล: ${examples.join(', ')}` : ''}`,
  notRecordedOn: (value, event) => `${event} ไม่ได้บันทึก "${value}"`,
  nothingUnderstood: () => 'ไม่พบเงื่อนไขในคำอธิบายนี้ ลองระบุว่าลูกค้าทำอะไรหรือเป็นใคร เช่น "ลูกค้าที่ซื้อใน 30 วันที่ผ่านมา"',
  unreadLanguage: en.unreadLanguage,

  question: (notion, term) => {
    switch (notion) {
      case 'spend': return `"${term}" หมายถึงเท่าไร? เลือกเกณฑ์ยอดใช้จ่ายรวม:`;
      case 'frequency': return `"${term}" หมายถึงเท่าไร? เลือกจำนวนคำสั่งซื้อ:`;
      case 'churn': return `"${term}" หมายถึงเท่าไร? เลือกระยะเวลาตั้งแต่การซื้อครั้งล่าสุด:`;
      case 'likelihood': return `"${term}" หมายถึงเท่าไร? เลือกโอกาสการซื้อ:`;
      case 'interest': return `"${term}" หมายถึงความสนใจแบบไหน?`;
      case 'new': return `"${term}" หมายถึงเท่าไร? เลือกช่วงเวลาที่สมัครสมาชิก:`;
      case 'page': return `"${term}" คือหน้าไหน? เลือกส่วนที่อยู่ในที่อยู่ของหน้า:`;
      case 'hours': return `"${term}" หมายถึงช่วงเวลาใด? เลือกเวลาท้องถิ่นของผู้เข้าชม:`;
      case 'engagement': return `"${term}" หมายถึงเท่าไร? เลือกความถี่ในการใช้งาน:`;
      case 'satisfaction': return `"${term}" หมายถึงอะไร? เลือกคะแนนที่ให้:`;
      case 'size': return `"${term}" หมายถึงขนาดเท่าไร? เลือกขนาด:`;
    }
  },
  whichEvent: (words) => `"${words}" อาจหมายถึงได้มากกว่าหนึ่งอย่างในเวิร์กสเปซนี้ คุณหมายถึงอันไหน`,
  eventOption: (name, description, size) => `${name}${description ? `: ${description.replace(/\.$/, '')}` : ''} (${people(size)})`,
  spendOption: (f) => `ยอดใช้จ่ายรวมมากกว่า ${f.threshold} (${share(f.share)}${people(f.size)})`,
  frequencyOption: (f) => `อย่างน้อย ${f.orders} คำสั่งซื้อ (${share(f.share)}${people(f.size)})`,
  churnOption: (days, size) => `ซื้อครั้งล่าสุดมากกว่า ${days} วันที่แล้ว (${people(size)})`,
  likelihoodOption: (_trait, threshold, size) => `โอกาสการซื้อมากกว่า ${formatNumber(threshold)} (${people(size)})`,
  newOption: (days, size) => `สมัครสมาชิกใน ${days} วันที่ผ่านมา (${people(size)})`,
  interestViewedOption: (value, days, size) => `ดูสินค้า ${value} ใน ${days} วันที่ผ่านมา (${people(size)})`,
  interestBoughtOption: (value, days, size) => `ซื้อสินค้า ${value} ใน ${days} วันที่ผ่านมา (${people(size)})`,
  interestClickedOption: (days, size) => `คลิกอีเมลใน ${days} วันที่ผ่านมา (${people(size)})`,
  quietOption: (event, days, size) => `ไม่มี ${event} ใน ${days} วันที่ผ่านมา (${people(size)})`,
  engagementOption: (event, times, days, size) => `${event} อย่างน้อย ${times} ครั้งใน ${days} วันที่ผ่านมา (${people(size)})`,
  scoreOption: (event, property, atMost, days, size) => `${event} ที่ ${property} ไม่เกิน ${formatNumber(atMost)} ใน ${days} วันที่ผ่านมา (${people(size)})`,
  traitAtLeastOption: (trait, threshold, size) => `${trait} อย่างน้อย ${formatNumber(threshold)} (${people(size)})`,
  unplaced: (words, size) => `อ่านส่วนอื่นได้แล้ว แต่ไม่เข้าใจ "${words}" (ถ้าไม่นับคำนี้จะมี ${formatNumber(size)} คน) "${words}" หมายถึงอะไร?`,
  leaveOut: (words, size) => `ไม่ต้องใช้ "${words}" (${formatNumber(size)} คน)`,
  didYouMean: (message) => `${message} หมายถึงข้อใดข้อหนึ่งต่อไปนี้ไหม?`,
  sayMeaning: () => 'ขอพิมพ์ความหมายเอง',
  noOneTerm: () => 'ไม่มีใครตรง',
  noOne: (lines) => `ตอนนี้ไม่มีใครตรงกับ: ${lines.join('; ')} อ่านถูกตามที่ต้องการไหม?`,
  excluding: (name) => `ไม่รวม ${name}`,
  keepEmpty: () => 'ใช้แบบนี้ (0 คน)',
  withoutCondition: (line, size) => `ไม่ใช้ "${line}" (${formatNumber(size)} คน)`,
  sayChange: () => 'ขอพิมพ์สิ่งที่จะเปลี่ยน',
  typeNumber: () => 'ขอพิมพ์ตัวเลขเอง',
  typeAddress: () => 'ขอพิมพ์ส่วนของที่อยู่เอง',
  typeTimes: () => 'ขอพิมพ์ช่วงเวลาเอง',
};
