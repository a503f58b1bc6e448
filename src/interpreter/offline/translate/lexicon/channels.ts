/** Channels and consent: email, push, SMS, LINE, a phone number. */
import { sense } from './sense.js';

export const CHANNELS = [
  sense('subscribed to email', { zh: '订阅电子报 訂閱電子報 订阅邮件 訂閱郵件 订阅了电子报 訂閱了電子報 订阅电子邮件 訂閱電子郵件', ja: 'メルマガ購読 メルマガを購読 メール購読 メールを購読 メルマガ登録', th: 'สมัครรับอีเมล รับอีเมลข่าวสาร' }),
  sense('subscribed to sms', { zh: '订阅简讯 訂閱簡訊 订阅短信', ja: 'SMSを購読 SMS購読', th: 'สมัครรับSMS' }),
  sense('push enabled', { zh: '开启推播 開啟推播 允许推播 允許推播 开启推送 開啟推送 允许推送 允許推送 推送已开启 推播已開啟 开了推送 開了推播', ja: 'プッシュ通知を許可 プッシュ通知許可 プッシュ通知はオン プッシュ通知をオン プッシュ通知オン プッシュ通知が有効 プッシュ通知を有効', th: 'เปิดรับการแจ้งเตือน อนุญาตการแจ้งเตือน เปิดการแจ้งเตือน' }),
  sense('LINE followers', { zh: '加入LINE 追踪LINE 追蹤LINE LINE好友 加LINE', ja: 'LINE友だち LINE友達 LINEを友だち追加', th: 'แอดไลน์ แอดLINE ติดตามLINE เพื่อนในLINE' }),
  sense('without a phone number', { zh: '没有电话 沒有電話 没有手机号 沒有手機號碼 没留电话 沒留電話', ja: '電話番号がない 電話番号なし 電話番号未登録', th: 'ไม่มีเบอร์ ไม่มีเบอร์โทร' }),
  sense('phone number', { zh: '电话号码 電話號碼 手机号码 手機號碼 电话 電話 手机号 手機號', ja: '電話番号', th: 'เบอร์โทร เบอร์โทรศัพท์ หมายเลขโทรศัพท์' }),
  sense('email', { zh: '电子邮件 電子郵件 邮件 郵件 电子报 電子報 信 Email EDM', ja: 'メール Eメール メルマガ 電子メール', th: 'อีเมล' }),
  sense('push notification', { zh: '推播通知 推播 推送通知 推送', ja: 'プッシュ通知 プッシュ', th: 'การแจ้งเตือนแบบพุช การแจ้งเตือน พุช' }),
  sense('sms', { zh: '简讯 簡訊 短信', ja: 'ショートメッセージ', th: 'เอสเอ็มเอส' }),
  sense('promotional', { zh: '促销 促銷 促销活动 促銷活動', ja: 'プロモーション 販促 キャンペーン', th: 'โปรโมชั่น โปรโมชัน' }),
  sense('app', { zh: '应用 應用', ja: 'アプリ', th: 'แอป แอพ' }),
];
