// Small shared pieces: a labelled field with its message, a card, a key/value row.
import type { ComponentChildren } from 'preact';

let nextId = 0;
export const uid = (prefix: string) => `${prefix}-${++nextId}`;

export function Field ({ id, label, hint, error, children }: {
  id: string; label: string; hint?: string; error?: string | null; children: ComponentChildren;
}) {
  return (
    <div class={'field' + (error ? ' has-error' : '')}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <div class="hint" id={`${id}-hint`}>{hint}</div>}
      {error && <div class="error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>{error}</div>}
    </div>
  );
}

export function Card ({ title, children, testid }: { title?: ComponentChildren; children: ComponentChildren; testid?: string }) {
  return (
    <section class="card" data-testid={testid}>
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}

export function Row ({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <div class="row">
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}

export function Notice ({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'warn' }) {
  return <p class={`notice ${kind}`}>{children}</p>;
}
