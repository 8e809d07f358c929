// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { scenarioTemplate } from '../../domain/scenario/template';
import { userScenariosStore } from '../../state/user-scenarios/user-scenarios-store';
import { ScenarioImport } from './ScenarioImport';

beforeAll(() => initTestI18n('en'));
afterEach(async () => {
  cleanup();
  for (const r of userScenariosStore.getState().records) await userScenariosStore.getState().remove(r.key);
});

const yaml = (name: string, text: string) => new File([text], name, { type: 'application/yaml' });

describe('importing scenario files', () => {
  it('is a labelled file input that accepts .yaml and .yml', () => {
    render(<ScenarioImport />);
    const input = screen.getByLabelText('Import scenario files') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.yaml,.yml');
    expect(input.multiple).toBe(true);
  });

  it('adds a file that compiles, keeps one that does not as a draft, and refuses one that is not YAML', async () => {
    render(<ScenarioImport />);
    const input = screen.getByLabelText('Import scenario files');
    fireEvent.change(input, { target: { files: [yaml('acme.yaml', scenarioTemplate('acme', 'en')), yaml('broken.yml', 'scenario: x\nversion: [\n'), yaml('notes.txt', 'hello')] } });
    expect(await screen.findByText('acme.yaml was added to your scenarios.')).toBeTruthy();
    expect(screen.getByText(/^broken\.yml was kept as a draft: it does not compile yet \(\d+ problems?\)/)).toBeTruthy();
    expect(screen.getByText('notes.txt was not imported: a scenario file ends in .yaml or .yml.')).toBeTruthy();
    const records = userScenariosStore.getState().records;
    expect(records.map((r) => [r.fileName, r.meta?.id ?? null]).sort()).toEqual([
      ['acme.yaml', 'acme'],
      ['broken.yml', null],
    ]);
  });

  it('takes files dropped on it', async () => {
    render(<ScenarioImport />);
    const zone = screen.getByLabelText('Import scenario files').closest('.scenario-import')!;
    fireEvent.drop(zone, { dataTransfer: { files: [yaml('dropped.yaml', scenarioTemplate('dropped', 'zh-CN'))] } });
    expect(await screen.findByText('dropped.yaml was added to your scenarios.')).toBeTruthy();
  });
});
