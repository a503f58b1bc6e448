/**
 * Everyday words for what customers are, like and buy (categories, tags, lists), and the
 * words with no number of their own that the interpreter asks about (high-spending, loyal).
 */
import { sense } from './sense.js';

export const VALUES = [
  sense('high-spending', { zh: '高消费 高消費 消费力高 消費力高 花很多钱 花很多錢 大户 大戶', ja: '高額購入者 高額消費 たくさんお金を使う', th: 'ใช้จ่ายสูง ใช้จ่ายเยอะ ซื้อเยอะ' }),
  sense('high-value', { zh: '高价值 高價值', ja: '優良顧客 優良 上得意 高価値', th: 'มูลค่าสูง' }),
  sense('loyal', { zh: '忠实 忠實 忠诚 忠誠 死忠 铁粉 鐵粉', ja: 'ロイヤル 常連 忠実', th: 'ภักดี ลูกค้าประจำ' }),
  sense('churned', { zh: '已流失 流失 沉睡', ja: '離脱 休眠 チャーン', th: 'เลิกซื้อ' }),
  sense('frequently', { zh: '经常 經常 常常 频繁 頻繁', ja: '頻繁に よく', th: 'บ่อย บ่อยๆ' }),
  sense('likely to buy', { zh: '可能购买 可能購買 有购买意愿 有購買意願', ja: '購入しそう 買いそう', th: 'มีแนวโน้มจะซื้อ น่าจะซื้อ' }),
  sense('interested in', { zh: '有兴趣 有興趣 感兴趣 感興趣', ja: '興味がある 興味のある 関心のある', th: 'สนใจ' }),
  sense('inactive', { zh: '不活跃 不活躍 非活跃 非活躍', ja: '非アクティブ', th: 'ไม่ได้ใช้งาน ไม่แอคทีฟ' }),
  sense('active', { zh: '活跃 活躍', ja: 'アクティブ', th: 'แอคทีฟ ใช้งานอยู่' }),
  sense('engaged', { zh: '高参与 高參與 参与度高 參與度高', ja: 'エンゲージ エンゲージメントの高い', th: 'มีส่วนร่วม' }),
  sense('interaction', { zh: '互动 互動', ja: 'インタラクション 接触', th: 'ปฏิสัมพันธ์ การโต้ตอบ' }),
  sense('physical stores', { zh: '实体店 實體店 门市 門市 线下 線下', ja: '実店舗 店頭 オフライン', th: 'หน้าร้าน ร้านค้าจริง' }),
  sense('purchase probability', { zh: '购买机率 購買機率 购买概率 购买可能性 購買可能性', ja: '購入確率 購入予測', th: 'ความน่าจะเป็นในการซื้อ' }),
  sense('notes', { zh: '备注 備註 笔记 筆記', ja: 'メモ 備考', th: 'บันทึก โน้ต' }),
  sense('mention', { zh: '提到 提及 包含', ja: '言及 含む', th: 'กล่าวถึง มีคำว่า' }),
  sense('tagged', { zh: '被标记为 被標記為 标签为 標籤為 标记为 標記為 标签 標籤 标记 標記', ja: 'タグが付いた タグ付き タグ', th: 'ติดแท็ก แท็ก' }),
  sense('Cat Lover', { zh: '爱猫人士 愛貓人士 猫奴 貓奴 爱猫 愛貓', ja: '猫好き 愛猫家', th: 'คนรักแมว ทาสแมว' }),
  sense('Dog Lover', { zh: '爱狗人士 愛狗人士 爱狗 愛狗', ja: '犬好き 愛犬家', th: 'คนรักสุนัข คนรักหมา' }),
  sense('Tech Enthusiast', { zh: '科技爱好者 科技愛好者 科技迷', ja: 'テック好き ガジェット好き', th: 'สายเทค' }),
  sense('Pet Supplies', { zh: '宠物用品 寵物用品', ja: 'ペット用品', th: 'อุปกรณ์สัตว์เลี้ยง สินค้าสัตว์เลี้ยง' }),
  sense('Beauty', { zh: '美妆 美妝 美容 彩妆 彩妝 保养品 保養品', ja: '美容 コスメ 化粧品', th: 'ความงาม บิวตี้ เครื่องสำอาง' }),
  sense('Electronics', { zh: '电子产品 電子產品 3C 家电 家電', ja: '家電 電子機器', th: 'อิเล็กทรอนิกส์' }),
  sense('Toys', { zh: '玩具', ja: 'おもちゃ 玩具', th: 'ของเล่น' }),
  sense('Apparel', { zh: '服饰 服飾 服装 服裝 衣服', ja: 'アパレル 洋服 衣料品', th: 'เสื้อผ้า' }),
  sense('Blocklist', { zh: '黑名单 黑名單 封锁名单 封鎖名單', ja: 'ブロックリスト ブラックリスト', th: 'บัญชีดำ แบล็กลิสต์ แบล็คลิสต์' }),
  sense('Beta Testers', { zh: '测试人员 測試人員', ja: 'ベータテスター', th: 'เบต้าเทสเตอร์' }),
  sense('list', { zh: '名单 名單', ja: 'リスト', th: 'ลิสต์' }),
  sense('products', { zh: '商品 产品 產品', ja: '商品 製品 アイテム', th: 'สินค้า' }),
];
