/** The starting point for `scenarios new` and the workshop's "New": a small scenario that checks clean and can be played. */
export function scenarioTemplate(id: string, lang: 'en' | 'zh-CN'): string {
  const other = lang === 'en' ? 'zh-CN' : 'en';
  const tx = (en: string, zh: string) => `{ ${lang}: ${JSON.stringify(lang === 'en' ? en : zh)}, ${other}: ${JSON.stringify(lang === 'en' ? zh : en)} }`;
  const step = (customer: [string, string], good: [string, string], shows: string, bad: [string, string], commits: string, next: string) => `      start:
        customer: ${tx(...customer)}
        options:
          - rep: ${tx(...good)}
            shows: [${shows}]
            effects: { trust: 5 }
            ${next}
          - rep: ${tx(...bad)}
            commits: [${commits}]
            effects: { trust: -5 }
            ${next}`;
  return `# yaml-language-server: $schema=../public/scenario.schema.json
# A new scenario. The guide: scenarios/README.md. Check it: npm run scenarios -- check scenarios/${id}.yaml
scenario: ${id}
version: 0.1.0
title: ${tx('New scenario', '新场景')}
summary: ${tx('What the trainee will practise.', '学员将练习什么。')}
industry: ${tx('Industry', '行业')}
difficulty: intro
minutes: 10
languages: [${lang}, ${other}]
author: ''
customer:
  name: ${tx('Customer', '客户')}
  role: ${tx('Role', '职务')}
  company: { name: ${tx('Company', '公司')}, size: 100, industry: ${tx('Industry', '行业')} }
  rhythm: deliberate
  start: { trust: 40, interest: 50, patience: 60 }
  facts:
    pains: { kind: pains, label: ${tx('Pains', '痛点')}, text: ${tx('What hurts today.', '目前的痛点。')} }
contract:                        # the terms checklist shown while the contract is signed
  terms:
    scope: { kind: scope, says: ${tx('What you will deliver.', '交付的内容。')} }
    price: { kind: price, says: ${tx('The price.', '价格。')} }
    payment-dates: { kind: payment-dates, says: ${tx('When and how the customer pays.', '客户何时、如何付款。')} }
    documents: { kind: documents, says: ${tx('What is attached.', '附带的资料。')} }
payment:                         # the payment tracker shown while the money is collected
  amount: ${tx('The amount due.', '应付金额。')}
  due: 30                        # days after signing
  approvals:
    finance: { label: ${tx('Finance approves the invoice', '财务审批发票')}, done: { shown: [solve-blockers] } }
leads:
  brief: ${tx('Your territory and product.', '你的区域和产品。')}
  customer-lead: first
  profile:
    criteria: { right-size: ${tx('100–1,000 employees', '100–1000 人')}, any: ${tx('Any company', '任何公司')} }
    ideal: [right-size]
  record:
    fields: { contact: ${tx('Contact and role', '联系人及职务')} }
    ideal: [contact]
  pool:
    - { id: first, company: ${tx('Company', '公司')}, size: 100, industry: ${tx('Industry', '行业')}, source: ${tx('Website form', '官网表单')}, grade: A }
    - { id: second, company: ${tx('Second Co', '第二公司')}, size: 20, industry: ${tx('Retail', '零售')}, source: ${tx('Bought list', '购买名单')}, grade: C }
    - { id: third, company: ${tx('Third Co', '第三公司')}, size: 300, industry: ${tx('Industry', '行业')}, source: ${tx('Referral', '转介绍')}, grade: B }
stages:
  first-contact:
    start: start
    steps:
${step(['Hello?', '你好？'], ['I saw your post about growing fast; may I ask how orders are handled?', '看到贵司在扩张，想请教订单是怎么处理的？'], 'prepare-opening, learn-background, set-conversation-goal', ['Let me read you our brochure.', '我给您念一下我们的宣传册。'], 'read-from-script, no-tailoring', 'stage: discovery')}
  discovery:
    start: start
    steps:
${step(['What do you want to know?', '你想了解什么？'], ['Walk me through a normal week.', '能讲讲平常一周的工作吗？'], 'design-question-list, listen-actively', ["You need our product, don't you?", '您需要我们的产品，对吧？'], 'push-sale-early, leading-questions', 'stage: presentation').replace('effects: { trust: 5 }', 'effects: { trust: 5, reveals: [pains] }')}
  presentation:
    start: start
    steps:
${step(['Show me.', '给我看看。'], ['Here is how it fixes the problem you described.', '这是针对您说的问题的方案。'], 'tailor-solution, highlight-value, prepare-objection-handling', ['Here are all 40 features.', '这是全部 40 个功能。'], 'list-features, no-focus', 'stage: negotiation')}
  negotiation:
    start: start
    steps:
${step(['Can you do better on price?', '价格能再低点吗？'], ['If you commit to two years, we can add training.', '如果签两年，我们可以加送培训。'], 'know-bottom-line, create-win-win, control-tempo', ['Sure, 30% off.', '行，打七折。'], 'concede-too-fast, waver-position', 'stage: signing')}
  signing:
    start: start
    steps:
${step(['Send the contract.', '把合同发过来吧。'], ['Let us confirm scope, price and payment dates first.', '我们先确认范围、价格和付款日期。'], 'confirm-terms, agree-payment-dates, prepare-documents', ['Just sign here.', '直接签这里就行。'], 'overlook-details, be-hasty', 'stage: collection')}
  collection:
    start: start
    steps:
${step(['The invoice is with finance.', '发票在财务那边。'], ['I will check its progress with finance this week.', '我这周跟财务确认进度。'], 'follow-payment-progress, remind-in-time, solve-blockers', ["I don't want to bother them.", '不好意思去催。'], 'forget-after-signing, too-shy-to-chase', 'ends: { outcome: won }')}
`;
}
