import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';

interface Props {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  description: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
}

/**
 * A confirmation for an action that cannot be undone (give up a drill, discard an attempt): Radix's
 * accessible alert dialog, which traps focus, starts on "cancel" and closes with Escape.
 */
export function ConfirmDialog({ trigger, title, description, confirm, cancel, onConfirm, danger = false }: Props) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          <div className="form-actions">
            <AlertDialog.Cancel asChild>
              <button type="button">{cancel}</button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
                {confirm}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
