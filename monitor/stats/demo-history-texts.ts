/**
 * What the demo history's customers and staff write, and what the bot answers, per intent
 * and language. Order numbers and names are made up; nothing here is personal data.
 */

export type DemoLanguage = 'en' | 'zh';
type Phrases = Record<DemoLanguage, readonly string[]>;

/** Customers' messages per intent. */
export const CUSTOMER_TEXTS: Record<string, Phrases> = {
  greet: { en: ['Hi', 'Hello there', 'Good morning!', 'hey'], zh: ['你好', '您好'] },
  thanks: { en: ['Thanks, that helps', 'Great, thank you!', 'cheers', 'Perfect, thanks a lot'], zh: ['谢谢', '好的，谢谢你'] },
  order_status: {
    en: ['Where is my order 100482?', 'When will my parcel arrive?', 'Can you track order 101276 for me', 'Has my order shipped yet?', 'my package still hasn\'t come'],
    zh: ['我的订单 100482 到哪里了？', '我的包裹什么时候到？'],
  },
  list_orders: { en: ['Show me my orders', 'What have I ordered recently?'], zh: ['查看我的订单'] },
  cancel_order: { en: ['I want to cancel order 101903', 'Please cancel my last order'], zh: ['我想取消订单 101903'] },
  change_address: { en: ['Can I change the delivery address for my order?', 'I moved, please send order 101544 to my new flat'], zh: ['我想修改收货地址'] },
  start_return: { en: ['I want to return the hiking boots', 'The jacket is too small, how do I send it back?', 'I\'d like a refund for the tent'], zh: ['我想退货', '鞋子太小了，可以换货吗？'] },
  refund_status: { en: ['Where is my refund?', 'I sent the boots back two weeks ago and still no money'], zh: ['我的退款什么时候到账？'] },
  knowledge_question: {
    en: ['Do you deliver to Ireland?', 'What is your returns policy?', 'How long is the warranty on tents?', 'Can I get a VAT invoice?', 'Which size should I get, I\'m usually a medium?'],
    zh: ['你们寄到爱尔兰吗？', '退货政策是什么？', '帐篷保修多久？'],
  },
  recommend_product: { en: ['Can you suggest a warm jacket under £150?', 'Gift ideas for someone who loves hiking?'], zh: ['推荐一件保暖的外套', '有什么适合徒步的礼物？'] },
  product_availability: { en: ['Is the Ridge 40L backpack in stock?', 'When will the trail shoes be back in size 9?'], zh: ['这个背包有货吗？'] },
  human_handoff: { en: ['Can I talk to a real person please', 'I want to speak to someone', 'agent please'], zh: ['我要人工客服', '请转人工'] },
  complaint: {
    en: ['This is really disappointing, the zip broke after one week', 'Your delivery service is terrible', 'I am not happy with the quality at all'],
    zh: ['质量太差了，很失望', '你们的服务太差了'],
  },
};

/** Complaints behind the recent negative spike: a carrier's late deliveries. */
export const SPIKE_TEXTS: Phrases = {
  en: [
    'My parcel is 5 days late and the tracking hasn\'t moved',
    'DPD says delivered but nothing arrived, this is ridiculous',
    'Third time my order is late. Really disappointed.',
    'Still waiting for my order, nobody answers my emails',
    'The delivery was promised for Monday and it still isn\'t here, awful',
    'I needed these boots for a trip this weekend and they are late. Very annoyed',
  ],
  zh: ['包裹已经晚了一周了，太失望了', '物流显示已签收，但我什么都没收到'],
};

/** Questions the bot cannot place, with how often each comes (variants fold into one question). */
export const OUT_OF_SCOPE: readonly { weight: number; en: readonly string[]; zh?: readonly string[] }[] = [
  { weight: 14, en: ['Do you sell gift cards?', 'do you sell gift cards', 'Do you sell gift cards??'], zh: ['你们卖礼品卡吗？'] },
  { weight: 7, en: ['Can I pay with Klarna?', 'can i pay with klarna'] },
  { weight: 6, en: ['Do you have a shop in Manchester?', 'Do you have a shop in Manchester'], zh: ['你们有实体店吗？'] },
  { weight: 5, en: ['Do you price match?', 'do you price match'] },
  { weight: 4, en: ['Can I collect from the warehouse?'] },
  { weight: 3, en: ['Are you hiring?', 'are you hiring'] },
  { weight: 2, en: ['Do you do student discount?'], zh: ['有学生折扣吗？'] },
  { weight: 1, en: ['What\'s the weather like in the Lake District?'] },
];

/** What staff ask the bot in Teams or Slack. */
export const STAFF_TEXTS: Record<string, readonly string[]> = {
  sales_summary: ['What were sales last week?', 'Revenue by category this month'],
  low_stock: ['What is running low in Leeds?', 'Anything below reorder point?'],
  delayed_orders: ['Which orders are late today?', 'Show delayed DPD shipments'],
  stock_level: ['How many APP-1042 do we have in Bristol?'],
  sentiment_summary: ['How are customers feeling this week?'],
};

/** The bot's answer per intent (and for questions it cannot place). */
export const BOT_REPLIES: Record<string, Phrases> = {
  greet: { en: ['Hello! How can I help with your order today?'], zh: ['您好！有什么可以帮您？'] },
  thanks: { en: ['You\'re welcome! Anything else?'], zh: ['不客气！还有什么可以帮您？'] },
  order_status: { en: ['Order #100482 is with DPD and due on Thursday.'], zh: ['订单 #100482 已由 DPD 发出，预计周四送达。'] },
  list_orders: { en: ['Here are your last three orders.'], zh: ['这是您最近的三个订单。'] },
  cancel_order: { en: ['Order #101903 is cancelled; the refund takes 3–5 working days.'], zh: ['订单 #101903 已取消，退款需 3–5 个工作日。'] },
  change_address: { en: ['Done: the new address is on the order.'], zh: ['好的，收货地址已更新。'] },
  start_return: { en: ['I\'ve started the return. Print the label from the e-mail we just sent.'], zh: ['退货已开始，请查看邮件中的退货标签。'] },
  refund_status: { en: ['Your refund was issued on Monday; banks take up to 5 days.'], zh: ['退款已于周一发出，银行到账需最多 5 天。'] },
  knowledge_question: { en: ['Yes — see our delivery page for prices and times.'], zh: ['可以，详情请见配送说明。'] },
  recommend_product: { en: ['The Harbour Insulated Jacket (£129) is warm and light.'], zh: ['推荐 Harbour 保暖夹克（£129）。'] },
  product_availability: { en: ['It\'s in stock in Leeds and Bristol.'], zh: ['利兹和布里斯托仓库有货。'] },
  human_handoff: { en: ['I\'m passing you to a colleague now.'], zh: ['正在为您转接人工客服。'] },
  complaint: { en: ['I\'m sorry about that. I\'m passing you to a colleague who can put it right.'], zh: ['非常抱歉，正在为您转接同事处理。'] },
  out_of_scope: { en: ['Sorry, I can\'t help with that yet. I can track orders, start returns and answer delivery questions.'], zh: ['抱歉，这个问题我暂时无法回答。'] },
  staff: { en: ['Here is the report you asked for.'], zh: ['这是您要的报告。'] },
};

/** What agents write when they pick a hand-off up. */
export const AGENT_REPLIES: Phrases = {
  en: ['Hi, I\'m Aisha from the support team — let me look into this for you.', 'Thanks for waiting, I\'ve sorted that out for you.'],
  zh: ['您好，我是客服 Aisha，马上为您处理。'],
};
