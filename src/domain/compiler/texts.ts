import type { TextSource } from '../scenario/schema';
import type { LocalizedText } from '../text/localized-text';

/** A text as written (string or language map) → a language map; a bare string belongs to `original`. */
export function toText(source: TextSource | undefined, original: 'en' | 'zh-CN' = 'en'): LocalizedText {
  if (source === undefined) return {};
  if (typeof source === 'string') return { [original]: source };
  const out: LocalizedText = {};
  if (source.en !== undefined) out.en = source.en;
  if (source['zh-CN'] !== undefined) out['zh-CN'] = source['zh-CN'];
  return out;
}
