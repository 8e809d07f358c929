/** The hostile texts of the inert-text test: markup, javascript: URLs, spreadsheet formulas, bidi controls. */
export const HOSTILE_TEXT = {
  trainee: '=HYPERLINK("http://evil.example","x")<img src=x onerror=alert(6)>\u202Eevil',
  explainBack: '<script>alert(7)</script> javascript:alert(8) \u2067right-to-left\u2069',
  words: '@SUM(1+1) <iframe src="javascript:alert(9)"></iframe>',
} as const;

/** The hostile scenario's own texts (test/fixtures/hostile/hostile-scenario.yaml). */
export const HOSTILE_SCENARIO = {
  title: '<img src=x onerror=alert(1)> Hostile deal <script>alert(2)</script> \u202Egnp.exe',
  customer: '<b onmouseover=alert(3)>Lin Xiao</b> \u202Eoaix',
  line: "<a href='javascript:alert(4)'>call me</a> speaking. =1+1 \u2066javascript:alert(5)\u2069 \u202Ecod.exe",
} as const;
