import type { LocalizedText } from '../text/localized-text';
import type { StageId } from './stages';

export type ChecklistKind = 'key-action' | 'pitfall';

/**
 * How an item is earned when no scenario option names it:
 * - `record`: the trainee records a revealed fact in the customer record during the item's stage;
 * - `lead-*`: judged from the trainee's lead plan in stage 1.
 */
export type AutoRule = 'record' | 'lead-profile' | 'lead-grades' | 'lead-record' | 'lead-quantity';

export interface ChecklistItem {
  id: string;
  stage: StageId;
  kind: ChecklistKind;
  label: LocalizedText;
  weight: number;
  auto?: AutoRule;
  /** Why the item matters (the method's reason, or the scenario's own). */
  why?: LocalizedText;
}

const item = (
  stage: StageId,
  kind: ChecklistKind,
  id: string,
  en: string,
  zh: string,
  [whyEn, whyZh]: [string, string],
  auto?: AutoRule,
): ChecklistItem => ({ id, stage, kind, label: { en, 'zh-CN': zh }, weight: 1, ...(auto ? { auto } : {}), why: { en: whyEn, 'zh-CN': whyZh } });

/** The default key-action checklist of the LTC method: three key actions and one or two pitfalls per stage. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  item('leads', 'key-action', 'define-target-profile', 'Define the target customer profile', '明确目标客户画像', ["A profile decides where limited time goes: without one, every lead looks worth a call and the best ones wait.", "画像决定有限的精力投向哪里；没有画像，每条线索都像值得打，真正好的反而在排队。"], 'lead-profile'),
  item('leads', 'key-action', 'screen-valid-leads', 'Screen for valid leads', '筛选有效线索', ["Grading is efficiency, not discrimination: effort goes where a close is likely, the rest are kept warm with lighter touches.", "分级是效率，不是歧视：把力气花在最可能成交的客户上，其余的用轻量的方式保持联系。"], 'lead-grades'),
  item('leads', 'key-action', 'record-customer-info', 'Record customer information', '记录客户信息', ["What is written down on day one is what the next touch can build on; what is not has to be asked again.", "第一天记下的信息，是下一次接触的起点；没记下的，下次只能重新问。"], 'lead-record'),
  item('leads', 'pitfall', 'quantity-over-quality', 'Chasing quantity over quality', '只追求数量不追求质量', ["Chasing every lead spreads the rep thin: the good customer gets the same slow follow-up as the bad ones.", "每条线索都追，精力就被摊薄：好客户得到的跟进和差客户一样慢。"], 'lead-quantity'),

  item('first-contact', 'key-action', 'prepare-opening', 'Prepare the opening', '准备开场话术', ["The first minute decides whether there is a second: an opening about the customer's world earns it, a pitch does not.", "开场第一分钟决定有没有第二分钟：从客户的处境说起才能赢得它，直接推销不能。"]),
  item('first-contact', 'key-action', 'learn-background', "Learn the customer's background", '了解客户背景', ["Knowing the company before the call shows respect and lets the rep ask the second question, not the first.", "打电话前了解公司，是对客户的尊重，也让你能问出第二个问题，而不是从头问起。"]),
  item('first-contact', 'key-action', 'set-conversation-goal', 'Set a goal for the conversation', '设定沟通目标', ["A contact with a goal ends with a next step; one without ends with “we'll be in touch”.", "有目标的沟通以下一步结束；没有目标的，以“再联系”结束。"]),
  item('first-contact', 'pitfall', 'read-from-script', 'Reading from a script', '照本宣科', ["A script answers questions nobody asked; the customer hears that they are one call of many.", "照着稿子念，回答的是没人问的问题；客户听出来的是：自己只是众多电话中的一个。"]),
  item('first-contact', 'pitfall', 'no-tailoring', 'No tailoring to the customer', '缺乏针对性', ["The same words for every customer tell this one that the rep has not thought about them.", "对谁都说同样的话，等于告诉这位客户：你没有想过他的情况。"]),

  item('discovery', 'key-action', 'design-question-list', 'Design a question list', '设计提问清单', ["Planned questions cover the business scenario, the pains, the decision chain, the budget cycle and the payment process; improvised ones miss the last three.", "事先设计的问题能覆盖业务场景、痛点、决策链、预算周期和付款流程；临场想的往往漏掉后三个。"]),
  item('discovery', 'key-action', 'listen-actively', 'Listen actively', '积极倾听', ["The customer says what matters when they feel heard: following up on their words earns the facts a questionnaire never gets.", "客户觉得被听见时，才会说出真正重要的事：顺着他的话追问，得到的是问卷问不出的信息。"]),
  item('discovery', 'key-action', 'record-key-info', 'Record key information', '记录关键信息', ["Facts that are not in the record are lost by the next stage: the proposal, the contract and the collection all draw on them.", "没写进记录的信息，到下个阶段就丢了：方案、合同和回款都要用到它们。"], 'record'),
  item('discovery', 'pitfall', 'push-sale-early', 'Pushing the sale too early', '急于推销', ["Talking product before the need is clear answers a question the customer has not asked, and closes the door on the ones they would have.", "需求还没弄清就讲产品，回答的是客户没问的问题，也堵住了他本来会说的话。"]),
  item('discovery', 'pitfall', 'leading-questions', 'Leading questions', '诱导式提问', ["A question that holds its answer gets agreement, not information: the real need stays hidden until it costs the deal.", "自带答案的问题换来的是附和，不是信息：真实需求一直藏着，直到让这单丢掉。"]),

  item('presentation', 'key-action', 'tailor-solution', 'Tailor the solution', '定制化方案', ["A proposal built on what discovery found answers this customer's problem; a standard deck answers everyone's.", "基于需求挖掘做出的方案，回答的是这位客户的问题；标准方案回答的是所有人的。"]),
  item('presentation', 'key-action', 'highlight-value', "Highlight the customer's value points", '突出客户价值点', ["Customers buy what a solution changes for them, in their numbers, not what it can do.", "客户买的是方案给他带来的改变，用他自己的数字说，而不是产品能做什么。"]),
  item('presentation', 'key-action', 'prepare-objection-handling', 'Prepare objection handling', '准备异议处理', ["An objection is a sign of serious interest; a rep who expected it answers calmly and turns it into trust.", "异议说明客户在认真考虑；预料到它的销售能从容回应，把它变成信任。"]),
  item('presentation', 'pitfall', 'list-features', 'Listing features', '功能罗列', ["A list of features makes the customer do the work of finding what matters to them; most will not.", "罗列功能，是让客户自己去找哪些对他有用；大多数客户不会去找。"]),
  item('presentation', 'pitfall', 'no-focus', 'No focus', '缺乏重点', ["A presentation that says everything says nothing: the one point that would have decided it gets lost.", "什么都讲等于什么都没讲：那个本可以拍板的要点被淹没了。"]),

  item('negotiation', 'key-action', 'know-bottom-line', 'Know your bottom line', '明确底线', ["A rep who knows where they will stop can trade concessions for something, instead of giving them away under pressure.", "清楚自己的底线，才能用让步换回东西，而不是在压力下白白送出去。"]),
  item('negotiation', 'key-action', 'create-win-win', 'Create a win-win', '创造双赢', ["A deal both sides can defend inside their own company gets signed and paid; one side's win is the other's reason to stall.", "双方都能在各自公司里站得住的交易，才签得下、收得回钱；一方的赢，就是另一方拖延的理由。"]),
  item('negotiation', 'key-action', 'control-tempo', 'Control the tempo', '掌握节奏', ["Setting the pace of the negotiation keeps the deal moving to the customer's decision date, not drifting to the next quarter.", "掌握谈判节奏，交易才会按客户的决策时间推进，而不是漂到下个季度。"]),
  item('negotiation', 'pitfall', 'concede-too-fast', 'Conceding too fast', '急于让步', ["A quick discount teaches the customer that pushing works: the next request will be bigger, and the price has lost its meaning.", "让步太快，等于告诉客户施压有用：下一次要求会更大，价格也失去了意义。"]),
  item('negotiation', 'pitfall', 'waver-position', 'Wavering position', '立场不坚定', ["A position that moves with every push tells the customer there is more to get by waiting.", "立场一推就动，等于告诉客户：再等一等还能拿到更多。"]),

  item('signing', 'key-action', 'confirm-terms', 'Confirm the terms', '确认条款', ["Terms left vague at signing come back as disputes at delivery and as reasons not to pay.", "签约时含糊的条款，会在交付时变成争议，在回款时变成不付钱的理由。"]),
  item('signing', 'key-action', 'agree-payment-dates', 'Agree the payment dates', '约定回款时间', ["A payment date agreed with the person who approves payments is the one that happens; a date in the contract alone is a wish.", "和真正审批付款的人约定的回款日期才会兑现；只写在合同里的日期只是愿望。"]),
  item('signing', 'key-action', 'prepare-documents', 'Prepare the documents', '准备资料', ["Missing papers (a licence, a certificate, the customer's own forms) stop the contract or the invoice for days.", "缺一份资料（许可证、证书、客户自己的表单），合同或发票就会卡上好几天。"]),
  item('signing', 'pitfall', 'overlook-details', 'Overlooking details', '忽略细节', ["The details skipped at signing (who signs, which entity, which invoice format) are the ones that hold the money later.", "签约时跳过的细节（谁签、哪个主体、什么发票格式），正是日后卡住回款的那些。"]),
  item('signing', 'pitfall', 'be-hasty', 'Being hasty', '过于草率', ["Rushing the signature to close the quarter leaves the payment process unchecked; the deal is won and the cash is not.", "为了冲季度仓促签约，付款流程没核实；单子签了，钱却没回来。"]),

  item('collection', 'key-action', 'follow-payment-progress', "Follow the payment's progress", '跟进付款进度', ["A deal counts when the cash arrives: following the invoice through the customer's approvals finds the stall while it can still be fixed.", "钱到账才算成交：跟着发票走完客户的审批，才能在还来得及的时候发现卡在哪里。"]),
  item('collection', 'key-action', 'remind-in-time', 'Remind in time', '及时提醒', ["A reminder before the due date is service; one after it is a complaint. Timing keeps the relationship and the cash.", "到期前提醒是服务，到期后提醒是抱怨；时机对了，关系和钱都保得住。"]),
  item('collection', 'key-action', 'solve-blockers', 'Solve the blockers', '解决问题', ["When payment stalls, there is usually a missing document, a wrong entity or an approval waiting: solving it is the rep's job, not finance's.", "回款停住，通常是缺资料、主体不对或审批没走完：解决它是销售的事，不是财务的事。"]),
  item('collection', 'pitfall', 'forget-after-signing', 'Forgetting the deal once signed', '签完就不管', ["A rep who moves on after the signature learns that the money is late when it is already a month late.", "签完就去忙别的，等知道钱没到，已经晚了一个月。"]),
  item('collection', 'pitfall', 'too-shy-to-chase', 'Too shy to chase payment', '不好意思催', ["Not asking for agreed money is not politeness: the customer pays those who ask first.", "不去催约定好的款不是客气：客户会先付给开口要的人。"]),
];
