import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  trigger: ReactNode;
  title: string;
  label: string;
  initial?: string;
  maxLength: number;
  submit: string;
  onSubmit(name: string): void;
}

/** Asks for a name (a new cohort, a rename) in an accessible dialog; an empty name cannot be saved. */
export function NameDialog({ trigger, title, label, initial = '', maxLength, submit, onSubmit }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(initial);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onSubmit(name.trim());
    setOpen(false);
  };
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setName(initial);
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <form onSubmit={save} className="field">
            <label htmlFor="name-dialog-input">{label}</label>
            <input id="name-dialog-input" type="text" value={name} maxLength={maxLength} onChange={(e) => setName(e.target.value)} autoFocus />
            <div className="form-actions">
              <Dialog.Close asChild>
                <button type="button">{t('review.cohorts.cancel')}</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={!name.trim()}>
                {submit}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
