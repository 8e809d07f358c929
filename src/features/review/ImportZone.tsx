import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onFiles(files: File[]): void;
  /** Progress of an import under way; the zone is disabled meanwhile. */
  importing: { done: number; total: number } | null;
  /** What the files are for, shown as the zone's title. */
  title: string;
  hint: string;
}

/** Attempt files in: a file picker (keyboard) and a drop area (mouse), many files at once. */
export function ImportZone({ onFiles, importing, title, hint }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const take = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length && !importing) onFiles(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <section
      className={`import-zone${over ? ' drag-over' : ''}`}
      aria-labelledby={`${hintId}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-zone"
    >
      <h3 id={`${hintId}-title`}>{title}</h3>
      <p id={hintId} className="meta">
        {hint}
      </p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
        data-testid="import-input"
      />
      <button type="button" className="primary" disabled={importing !== null} aria-describedby={hintId} onClick={() => input.current?.click()}>
        {t('review.import.choose')}
      </button>
      <p role="status" className="import-progress">
        {importing && t('review.import.progress', { done: importing.done, total: importing.total })}
      </p>
    </section>
  );
}
