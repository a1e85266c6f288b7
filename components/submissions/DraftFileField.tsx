"use client";

import { useRef, useState, useSyncExternalStore, type ChangeEvent, type MouseEvent } from "react";
import { Field } from "@/components/ui/Field";
import { formatFileSize } from "@/lib/catalogue/forms/values";
import { format, type Locale, type Messages } from "@/lib/i18n";

/**
 * A file field of a draft: the files already in the draft (name, size, a remove button) and a
 * file input. Without JavaScript the chosen files go with the step's post (multipart) and the
 * buttons post the step with actie=upload / actie=remove:<id>, so nothing typed on the page is
 * lost. With JavaScript each chosen file is uploaded at once to .../bijlagen with a progress bar,
 * the outcome (or the reason it was refused) is announced in a live region, and the step's post
 * then carries no files.
 */

export interface DraftFile {
  id: string;
  name: string;
  size: number;
}

export type DraftFileTexts = Pick<Messages, "form"> & { files: Messages["submissionFlow"]["files"]; request: string };

interface Upload {
  key: number;
  name: string;
  loaded: number;
  total: number;
}

const noop = () => () => {};

export function DraftFileField({
  t,
  locale,
  draftId,
  fieldId,
  controlId,
  label,
  hint,
  error,
  optional,
  multiple,
  accept,
  files: initialFiles,
}: {
  t: DraftFileTexts;
  locale: Locale;
  draftId: string;
  fieldId: string;
  controlId: string;
  label: string;
  hint: string;
  error?: string;
  optional: boolean;
  multiple: boolean;
  accept: string;
  files: DraftFile[];
}) {
  const scripted = useSyncExternalStore(noop, () => true, () => false);
  const [files, setFiles] = useState(initialFiles);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [messages, setMessages] = useState<{ text: string; error: boolean }[]>([]);
  const next = useRef(0);
  const base = `/mijn/aanvragen/${draftId}/bijlagen`;

  function upload(file: File): Promise<void> {
    const key = next.current++;
    setUploads((u) => [...u, { key, name: file.name, loaded: 0, total: file.size }]);
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const done = (message: { text: string; error: boolean }, added?: DraftFile) => {
        setUploads((u) => u.filter((x) => x.key !== key));
        if (added) setFiles((f) => [...f, added]);
        setMessages((m) => [...m, message]);
        resolve();
      };
      xhr.open("POST", base);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.responseType = "json";
      xhr.upload.onprogress = (e) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, loaded: e.loaded, total: e.lengthComputable ? e.total : x.total } : x)));
      xhr.onload = () => {
        const body = (xhr.response ?? {}) as { attachment?: DraftFile; error?: string; login?: string };
        if (xhr.status === 201 && body.attachment) done({ text: format(t.files.uploaded, { name: body.attachment.name }), error: false }, body.attachment);
        else if (xhr.status === 401 && body.login) window.location.assign(body.login);
        else done({ text: typeof body.error === "string" && body.error !== "login" ? body.error : t.request, error: true });
      };
      xhr.onerror = () => done({ text: t.request, error: true });
      const data = new FormData();
      data.append("veld", fieldId);
      data.append("bestand", file);
      xhr.send(data);
    });
  }

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    if (!scripted) return;
    const input = event.currentTarget;
    const chosen = Array.from(input.files ?? []);
    // The files go up now; the step's post must not send them again.
    input.value = "";
    setMessages([]);
    for (const file of chosen) await upload(file);
  }

  async function remove(event: MouseEvent<HTMLButtonElement>, file: DraftFile) {
    if (!scripted) return;
    event.preventDefault();
    const response = await fetch(`${base}/${file.id}/verwijderen`, { method: "POST", headers: { Accept: "application/json" } }).catch(() => null);
    if (response?.ok) {
      setFiles((f) => f.filter((x) => x.id !== file.id));
      setMessages([{ text: format(t.files.removed, { name: file.name }), error: false }]);
    } else setMessages([{ text: t.request, error: true }]);
  }

  return (
    <Field t={t} id={controlId} name={fieldId} label={label} hint={hint} error={error} optional={optional}>
      {(c) => (
        <>
          <div className="mb-3">
            <p className="mb-1 font-semibold">{t.files.added}</p>
            {files.length ? (
              <ul className="space-y-2" aria-label={t.files.added}>
                {files.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-x-4">
                    <span className="wrap-anywhere">
                      {f.name} ({formatFileSize(f.size, locale)})
                    </span>
                    <button type="submit" name="actie" value={`remove:${f.id}`} onClick={(e) => void remove(e, f)} className="cursor-pointer border-0 bg-transparent p-0 text-lg text-brand underline">
                      {t.files.remove}
                      <span className="sr-only"> {f.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-muted">{t.files.none}</p>
            )}
          </div>
          <input {...c} className="block min-h-11 max-w-xl text-lg" type="file" multiple={multiple} accept={accept} onChange={(e) => void onChange(e)} />
          {uploads.map((u) => (
            <div key={u.key} className="mt-2">
              <label htmlFor={`${controlId}-voortgang-${u.key}`} className="block">
                {format(t.files.uploading, { name: u.name })}
              </label>
              <progress id={`${controlId}-voortgang-${u.key}`} max={u.total || 1} value={u.loaded} className="w-full max-w-xl" />
            </div>
          ))}
          <div role="status" aria-live="polite" className="mt-2">
            {messages.map((m, i) => (
              <p key={i} className={m.error ? "mb-1 font-bold text-error" : "mb-1"}>
                {m.text}
              </p>
            ))}
          </div>
          {scripted ? null : (
            <p className="mt-2">
              <button type="submit" name="actie" value="upload" className="cursor-pointer border-2 border-solid border-ink bg-white px-4 py-2 text-lg">
                {t.files.addButton}
              </button>
            </p>
          )}
        </>
      )}
    </Field>
  );
}
