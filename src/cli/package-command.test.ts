import { describe, expect, it } from 'vitest';
import { parsePackageArgs } from './package-command';

describe('the package command line', () => {
  it('reads the standard, scenarios and output file, and says what is wrong otherwise', () => {
    expect(parsePackageArgs(['scorm12'])).toEqual({ standard: 'scorm12', scenarios: [], out: null });
    expect(parsePackageArgs(['cmi5', '--scenario', 'a', '--scenario', 'b,c', '--out', 'x.zip'])).toEqual({ standard: 'cmi5', scenarios: ['a', 'b', 'c'], out: 'x.zip' });
    expect(parsePackageArgs(['scorm'])).toMatch(/unknown standard "scorm"/);
    expect(parsePackageArgs([])).toMatch(/^usage/);
    expect(parsePackageArgs(['scorm2004', '--out'])).toMatch(/--out needs a value/);
    expect(parsePackageArgs(['scorm2004', '--zip', 'a'])).toMatch(/unknown argument "--zip"/);
  });
});
