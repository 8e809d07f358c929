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
}

const item = (
  stage: StageId,
  kind: ChecklistKind,
  id: string,
  en: string,
  zh: string,
  auto?: AutoRule,
): ChecklistItem => ({ id, stage, kind, label: { en, 'zh-CN': zh }, weight: 1, ...(auto ? { auto } : {}) });

/** The default key-action checklist of the LTC method: three key actions and one or two pitfalls per stage. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  item('leads', 'key-action', 'define-target-profile', 'Define the target customer profile', '明确目标客户画像', 'lead-profile'),
  item('leads', 'key-action', 'screen-valid-leads', 'Screen for valid leads', '筛选有效线索', 'lead-grades'),
  item('leads', 'key-action', 'record-customer-info', 'Record customer information', '记录客户信息', 'lead-record'),
  item('leads', 'pitfall', 'quantity-over-quality', 'Chasing quantity over quality', '只追求数量不追求质量', 'lead-quantity'),

  item('first-contact', 'key-action', 'prepare-opening', 'Prepare the opening', '准备开场话术'),
  item('first-contact', 'key-action', 'learn-background', "Learn the customer's background", '了解客户背景'),
  item('first-contact', 'key-action', 'set-conversation-goal', 'Set a goal for the conversation', '设定沟通目标'),
  item('first-contact', 'pitfall', 'read-from-script', 'Reading from a script', '照本宣科'),
  item('first-contact', 'pitfall', 'no-tailoring', 'No tailoring to the customer', '缺乏针对性'),

  item('discovery', 'key-action', 'design-question-list', 'Design a question list', '设计提问清单'),
  item('discovery', 'key-action', 'listen-actively', 'Listen actively', '积极倾听'),
  item('discovery', 'key-action', 'record-key-info', 'Record key information', '记录关键信息', 'record'),
  item('discovery', 'pitfall', 'push-sale-early', 'Pushing the sale too early', '急于推销'),
  item('discovery', 'pitfall', 'leading-questions', 'Leading questions', '诱导式提问'),

  item('presentation', 'key-action', 'tailor-solution', 'Tailor the solution', '定制化方案'),
  item('presentation', 'key-action', 'highlight-value', "Highlight the customer's value points", '突出客户价值点'),
  item('presentation', 'key-action', 'prepare-objection-handling', 'Prepare objection handling', '准备异议处理'),
  item('presentation', 'pitfall', 'list-features', 'Listing features', '功能罗列'),
  item('presentation', 'pitfall', 'no-focus', 'No focus', '缺乏重点'),

  item('negotiation', 'key-action', 'know-bottom-line', 'Know your bottom line', '明确底线'),
  item('negotiation', 'key-action', 'create-win-win', 'Create a win-win', '创造双赢'),
  item('negotiation', 'key-action', 'control-tempo', 'Control the tempo', '掌握节奏'),
  item('negotiation', 'pitfall', 'concede-too-fast', 'Conceding too fast', '急于让步'),
  item('negotiation', 'pitfall', 'waver-position', 'Wavering position', '立场不坚定'),

  item('signing', 'key-action', 'confirm-terms', 'Confirm the terms', '确认条款'),
  item('signing', 'key-action', 'agree-payment-dates', 'Agree the payment dates', '约定回款时间'),
  item('signing', 'key-action', 'prepare-documents', 'Prepare the documents', '准备资料'),
  item('signing', 'pitfall', 'overlook-details', 'Overlooking details', '忽略细节'),
  item('signing', 'pitfall', 'be-hasty', 'Being hasty', '过于草率'),

  item('collection', 'key-action', 'follow-payment-progress', "Follow the payment's progress", '跟进付款进度'),
  item('collection', 'key-action', 'remind-in-time', 'Remind in time', '及时提醒'),
  item('collection', 'key-action', 'solve-blockers', 'Solve the blockers', '解决问题'),
  item('collection', 'pitfall', 'forget-after-signing', 'Forgetting the deal once signed', '签完就不管'),
  item('collection', 'pitfall', 'too-shy-to-chase', 'Too shy to chase payment', '不好意思催'),
];
