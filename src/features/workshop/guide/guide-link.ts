/**
 * Where the scenario guide is in the app: `#/workshop/guide`, and `#/workshop/guide/<anchor>` for a
 * section (its heading's id) or a diagnostic code's entry (`SC012`). Scenario keys are random ids,
 * never "guide", so the route cannot be taken for a scenario's.
 */
export const GUIDE_PATH = '/workshop/guide';

/** The hash link to the guide, or to one of its sections or codes. */
export function guideHref(anchor?: string): string {
  return `#${GUIDE_PATH}${anchor ? `/${encodeURIComponent(anchor)}` : ''}`;
}

/** The id of a guide anchor's element in the page (prefixed: the guide shares the page with the app). */
export function guideElementId(anchor: string): string {
  return `guide-${anchor}`;
}
