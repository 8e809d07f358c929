import { use, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocaleSections } from '../../../components/use-locale-sections';
import { codeOfItem, isSectionIndex, type Block } from '../../../domain/guide/markdown';
import type { Locale } from '../../../domain/text/localized-text';
import { GuideMarkdown } from './GuideMarkdown';
import { guideElementId, guideHref } from './guide-link';
import { guideSections, loadGuide } from './guide-text';
import './guide.css';

/**
 * How to write a scenario: the guide (scenarios/README.md) in the UI's language, with its table of
 * contents. `anchor` (a section's id, or a diagnostic code) is scrolled to and focused (without one,
 * the title is focused). Suspends
 * while the guide's text loads.
 */
export default function GuidePage({ anchor, locale }: { anchor: string | null; locale: Locale }) {
  useLocaleSections(['workshop']);
  const { t } = useTranslation();
  const blocks = use(loadGuide(locale));
  const [title, ...all] = blocks;
  // The page draws its own table of contents: the file's "Contents:" line would say it twice.
  const rest = all.filter((b) => !isSectionIndex(b));
  const sections = guideSections(blocks);
  const missing = anchor !== null && !blocksHave(blocks, anchor);

  const titleId = title?.type === 'heading' ? title.id : null;
  // The entry linked to, or else the guide's title: where a link to the guide lands, focus goes too.
  useEffect(() => {
    const to = anchor ?? titleId;
    const target = to ? document.getElementById(guideElementId(to)) : null;
    if (!target) return;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [anchor, titleId, blocks]);

  return (
    <div className="guide-page" lang={locale}>
      <p className="guide-back">
        <a href="#/workshop">{t('workshop.guide.back')}</a>
      </p>
      {missing && (
        <p role="alert" className="notice">
          {t('workshop.guide.missing', { anchor })}
        </p>
      )}
      <article className="guide" aria-labelledby={titleId ? guideElementId(titleId) : undefined}>
        {title && <GuideMarkdown blocks={[title]} tableLabel={(s) => s} />}
        <nav className="guide-toc" aria-label={t('workshop.guide.contents')}>
          <ol>
            {tocOf(sections).map(({ section: h, subsections }) => (
              <li key={h.id}>
                <a href={guideHref(h.id)} aria-current={anchor === h.id ? 'location' : undefined}>
                  {h.text}
                </a>
                {subsections.length > 0 && (
                  <ul>
                    {subsections.map((sub) => (
                      <li key={sub.id} className="guide-toc-sub">
                        <a href={guideHref(sub.id)} aria-current={anchor === sub.id ? 'location' : undefined}>
                          {sub.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <GuideMarkdown blocks={rest} tableLabel={(section) => t('workshop.guide.table', { section })} />
      </article>
    </div>
  );
}

/** Whether `anchor` is a heading's id or a code the guide explains. */
/** The sections with their subsections under them (a numbered list counts only the sections). */
function tocOf<H extends { level: number }>(headings: readonly H[]): { section: H; subsections: H[] }[] {
  const out: { section: H; subsections: H[] }[] = [];
  for (const h of headings) {
    const last = out.at(-1);
    if (h.level > 2 && last) last.subsections.push(h);
    else out.push({ section: h, subsections: [] });
  }
  return out;
}

function blocksHave(blocks: readonly Block[], anchor: string): boolean {
  return blocks.some((b) => (b.type === 'heading' && b.id === anchor) || (b.type === 'list' && b.items.some((item) => codeOfItem(item) === anchor)));
}
