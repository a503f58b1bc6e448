/** Devices and platforms. */
import { sense } from './sense.js';

export const DEVICES = [
  sense('iPhone', { zh: '苹果手机 蘋果手機', ja: 'アイフォン', th: 'ไอโฟน' }),
  sense('Android', { zh: '安卓', ja: 'アンドロイド', th: 'แอนดรอยด์' }),
  sense('on mobile', { zh: '手机 手機 智能手机 智慧型手機 行动装置 行動裝置', ja: 'スマートフォン スマホ モバイル', th: 'มือถือ สมาร์ทโฟน' }),
  sense('on a tablet', { zh: '平板 平板电脑 平板電腦', ja: 'タブレット', th: 'แท็บเล็ต' }),
  sense('on desktop', { zh: '电脑 電腦 桌机 桌機', ja: 'パソコン デスクトップ', th: 'คอมพิวเตอร์ เดสก์ท็อป' }),
  sense('web', { zh: '网页版 網頁版', ja: 'ウェブ', th: 'เว็บ' }),
];
