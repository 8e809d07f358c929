/**
 * The package descriptors an LMS reads on import: `imsmanifest.xml` for SCORM 1.2 and for SCORM 2004
 * 4th edition, `cmi5.xml` for cmi5. One SCO (or AU) per scenario, each launching the same app with
 * `?scenario=<id>`, its mastery score the scenario's overall pass mark.
 */
import type { LocalizedText } from '../text/localized-text';
import { LOCALES } from '../text/localized-text';
import { PROFILE } from './xapi-profile';

export type PackageStandard = 'scorm12' | 'scorm2004' | 'cmi5';
export const PACKAGE_STANDARDS: readonly PackageStandard[] = ['scorm12', 'scorm2004', 'cmi5'];

export interface PackagedScenario {
  id: string;
  version: string;
  hash: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** The overall pass mark, 0–100. */
  passMark: number;
}

export interface PackageDescription {
  /** The course's title (the package's), in each language. */
  title: LocalizedText;
  scenarios: readonly PackagedScenario[];
  /** Every file of the app in the package, relative to its root, `/`-separated. */
  files: readonly string[];
  /** The launch file, relative to the package root. */
  launch: string;
}

/** The file the standard's LMS reads. */
export const DESCRIPTOR: Record<PackageStandard, string> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml' };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const first = (t: LocalizedText, fallback: string) => t.en ?? t['zh-CN'] ?? fallback;
/** A short, stable tag of the packaged scenario versions, so two different packages get different identifiers. */
function tag(d: PackageDescription): string {
  let h = 2166136261;
  for (const ch of d.scenarios.map((s) => s.hash).join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}
/** An XML ID (NCName): letters, digits, dashes, dots, underscores, not starting with a digit. */
const xmlId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
const launchOf = (d: PackageDescription, s: PackagedScenario) => `${d.launch}?scenario=${encodeURIComponent(s.id)}`;
const files = (d: PackageDescription, indent: string) => d.files.map((f) => `${indent}<file href="${escapeXml(f)}"/>`).join('\n');

/** `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2, ADL CP 1.2). */
export function scorm12Manifest(d: PackageDescription): string {
  const items = d.scenarios
    .map((s) =>
      [
        `      <item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true" parameters="?scenario=${escapeXml(encodeURIComponent(s.id))}">`,
        `        <title>${escapeXml(first(s.title, s.id))}</title>`,
        `        <adlcp:masteryscore>${Math.round(s.passMark)}</adlcp:masteryscore>`,
        `      </item>`,
      ].join('\n'),
    )
    .join('\n');
  const scos = d.scenarios
    .map((s) => [`    <resource identifier="${xmlId('sco', s.id)}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(d.launch)}">`, `      <file href="${escapeXml(d.launch)}"/>`, `      <dependency identifierref="app"/>`, `    </resource>`].join('\n'))
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="ltc-sales-simulator-${tag(d)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${escapeXml(first(d.title, 'LTC Sales Simulator'))}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormtype="asset">
${files(d, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** `imsmanifest.xml` for SCORM 2004 4th edition (IMS CP 1.1.4, ADL CP/SEQ/NAV 1.3, IMS SS 1.0). */
export function scorm2004Manifest(d: PackageDescription): string {
  const items = d.scenarios
    .map((s) =>
      [
        `      <item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true" parameters="?scenario=${escapeXml(encodeURIComponent(s.id))}">`,
        `        <title>${escapeXml(first(s.title, s.id))}</title>`,
        `        <imsss:sequencing>`,
        `          <imsss:objectives>`,
        `            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">`,
        `              <imsss:minNormalizedMeasure>${(Math.round(s.passMark) / 100).toFixed(2)}</imsss:minNormalizedMeasure>`,
        `            </imsss:primaryObjective>`,
        `          </imsss:objectives>`,
        `          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>`,
        `        </imsss:sequencing>`,
        `      </item>`,
      ].join('\n'),
    )
    .join('\n');
  const scos = d.scenarios
    .map((s) => [`    <resource identifier="${xmlId('sco', s.id)}" type="webcontent" adlcp:scormType="sco" href="${escapeXml(d.launch)}">`, `      <file href="${escapeXml(d.launch)}"/>`, `      <dependency identifierref="app"/>`, `    </resource>`].join('\n'))
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="ltc-sales-simulator-${tag(d)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${escapeXml(first(d.title, 'LTC Sales Simulator'))}</title>
${items}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormType="asset">
${files(d, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

const langstrings = (t: LocalizedText, fallback: string, indent: string) => {
  const present = LOCALES.filter((l) => t[l]);
  return (present.length ? present : (['en'] as const)).map((l) => `${indent}<langstring lang="${l}">${escapeXml(t[l] ?? fallback)}</langstring>`).join('\n');
};

/** The AU id of a packaged scenario version: unique per scenario version. */
export const auId = (s: PackagedScenario) => `${PROFILE}/au/${encodeURIComponent(s.id)}/${s.hash.slice(0, 16)}`;

/** `cmi5.xml` (cmi5 course structure): one AU per scenario, moving on when completed and passed. */
export function cmi5CourseStructure(d: PackageDescription): string {
  const aus = d.scenarios
    .map((s) =>
      [
        `  <au id="${escapeXml(auId(s))}" moveOn="CompletedAndPassed" masteryScore="${(Math.round(s.passMark) / 100).toFixed(2)}" launchMethod="AnyWindow">`,
        `    <title>`,
        langstrings(s.title, s.id, '      '),
        `    </title>`,
        `    <description>`,
        langstrings(s.summary, s.id, '      '),
        `    </description>`,
        `    <url>${escapeXml(launchOf(d, s))}</url>`,
        `  </au>`,
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${PROFILE}/course/${tag(d)}">
    <title>
${langstrings(d.title, 'LTC Sales Simulator', '      ')}
    </title>
    <description>
${langstrings(d.title, 'LTC Sales Simulator', '      ')}
    </description>
  </course>
${aus}
</courseStructure>
`;
}

/** The descriptor of `standard` for `d`. */
export function packageDescriptor(standard: PackageStandard, d: PackageDescription): string {
  return standard === 'scorm12' ? scorm12Manifest(d) : standard === 'scorm2004' ? scorm2004Manifest(d) : cmi5CourseStructure(d);
}
