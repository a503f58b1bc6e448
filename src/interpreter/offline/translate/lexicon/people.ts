/** Who: customers and users, roles, genders, memberships and their tiers, subscribers, trials. */
import { sense } from './sense.js';

export const PEOPLE = [
  sense('subscribers', { zh: '订阅用户 訂閱用戶 订阅会员 訂閱會員 订阅者 訂閱者 付费会员 付費會員', ja: 'サブスク会員 有料会員 購読者', th: 'ผู้สมัครสมาชิก สมาชิกแบบชำระเงิน' }),
  sense('trialing customers', { zh: '试用中 試用中 试用用户 試用用戶 在试用 在試用', ja: 'トライアル中 無料トライアル中 お試し中', th: 'กำลังทดลองใช้ ทดลองใช้อยู่' }),
  sense('admins', { zh: '管理员 管理員', ja: '管理者 アドミン', th: 'ผู้ดูแลระบบ แอดมิน' }),
  sense('engineers', { zh: '工程师 工程師', ja: 'エンジニア', th: 'วิศวกร' }),
  sense('designers', { zh: '设计师 設計師', ja: 'デザイナー', th: 'นักออกแบบ ดีไซเนอร์' }),
  sense('marketers', { zh: '营销人员 行銷人員', ja: 'マーケター', th: 'นักการตลาด' }),
  sense('executives', { zh: '高管 主管', ja: '経営者 役員', th: 'ผู้บริหาร' }),
  sense('new customers', { zh: '新顾客 新顧客 新客户 新客戶 新客 新用户 新用戶', ja: '新規顧客 新規ユーザー 新規会員', th: 'ลูกค้าใหม่' }),
  sense('new visitors', { zh: '新访客 新訪客', ja: '新規訪問者 初回訪問者', th: 'ผู้เข้าชมใหม่' }),
  sense('returning visitors', { zh: '回访访客 回訪訪客 回访者 回訪者', ja: 'リピーター 再訪問者', th: 'ผู้เข้าชมที่กลับมา' }),
  sense('visitors', { zh: '访客 訪客', ja: '訪問者 来訪者 ビジター', th: 'ผู้เข้าชม ผู้เยี่ยมชม' }),
  sense('customers', { zh: '顾客 顧客 客户 客戶 用户 用戶 使用者 消费者 消費者 客人 人 会员们 大家', ja: '顧客 お客様 お客さん ユーザー 人 人たち 方 たち', th: 'ลูกค้า ผู้ใช้ ผู้ใช้งาน คน' }),
  sense('women', { zh: '女性 女生 女士 女', ja: '女性', th: 'ผู้หญิง เพศหญิง หญิง' }),
  sense('men', { zh: '男性 男生 男士 男', ja: '男性', th: 'ผู้ชาย เพศชาย ชาย' }),
  sense('platinum', { zh: '白金 白金卡', ja: 'プラチナ', th: 'แพลทินัม แพลตินัม' }),
  sense('gold', { zh: '金卡 黄金 黃金 金级 金級', ja: 'ゴールド', th: 'โกลด์ ทอง' }),
  sense('silver', { zh: '银卡 銀卡 白银 白銀', ja: 'シルバー', th: 'ซิลเวอร์' }),
  sense('bronze', { zh: '铜卡 銅卡 青铜 青銅', ja: 'ブロンズ', th: 'บรอนซ์' }),
  sense('tier', { zh: '会员等级 會員等級 等级 等級', ja: '会員ランク ランク ティア', th: 'ระดับ' }),
  sense('members', { zh: '会员 會員', ja: '会員', th: 'สมาชิก' }),
  sense('plan', { zh: '方案 套餐 版', ja: 'プラン', th: 'แผน แพ็กเกจ' }),
  sense('enterprise', { zh: '企业版 企業版 企业 企業', ja: 'エンタープライズ', th: 'เอ็นเตอร์ไพรส์' }),
  sense('free', { zh: '免费版 免費版 免费 免費', ja: '無料 フリー', th: 'ฟรี' }),
  sense('premium', { zh: '高级版 高級版', ja: 'プレミアム', th: 'พรีเมียม' }),
];
