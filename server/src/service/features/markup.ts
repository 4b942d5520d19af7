import type { MarkupContent } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';

/**
 * A small document model for hover and completion documentation, written once and rendered
 * as markdown or plaintext depending on what the client supports.
 */
export type Inline =
  /** Literal text (escaped in markdown). */
  | string
  /** A code span: directive names, values, syntax. */
  | { readonly code: string }
  /** Bold literal text. */
  | { readonly strong: string }
  /** Prose from docs.ts: markdown whose only markup is code spans in backticks. */
  | { readonly prose: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  /** Label/value lines such as "Default: 1883". */
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: readonly Inline[] }[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'separator' };

export function paragraph(...inlines: Inline[]): Block {
  return { kind: 'paragraph', inlines };
}

/** Escapes text so markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inlineMarkdown(inline: Inline): string {
  if (typeof inline === 'string') {
    return escapeMarkdown(inline);
  }
  if ('code' in inline) {
    return codeSpan(inline.code);
  }
  if ('strong' in inline) {
    return `**${escapeMarkdown(inline.strong)}**`;
  }
  return inline.prose;
}

/** Plain text of docs prose: code spans lose their backticks. */
export function proseToPlainText(prose: string): string {
  return prose.replace(/`([^`]*)`/g, '$1');
}

function inlinePlain(inline: Inline): string {
  if (typeof inline === 'string') {
    return inline;
  }
  if ('code' in inline) {
    return inline.code;
  }
  if ('strong' in inline) {
    return inline.strong;
  }
  return proseToPlainText(inline.prose);
}

/** Renders blocks as markdown (when the client supports it) or plaintext. */
export function renderMarkup(blocks: readonly Block[], markdown: boolean): MarkupContent {
  const inlineText = markdown ? inlineMarkdown : inlinePlain;
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        parts.push(block.inlines.map(inlineText).join(''));
        break;
      case 'fields':
        parts.push(
          block.rows
            .map((row) => (markdown ? `**${escapeMarkdown(row.label)}:** ` : `${row.label}: `) + row.value.map(inlineText).join(''))
            .join(markdown ? '  \n' : '\n'),
        );
        break;
      case 'code':
        parts.push(markdown ? `\`\`\`mosquitto-conf\n${block.text}\n\`\`\`` : block.text);
        break;
      case 'separator':
        parts.push(markdown ? '---' : '');
        break;
    }
  }
  const value = parts.filter((p) => p.length > 0).join('\n\n');
  return { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value };
}

/** Joins inline lists with a separator (e.g. ", "). */
export function joinInlines(items: readonly (readonly Inline[])[], separator: string): Inline[] {
  const result: Inline[] = [];
  items.forEach((item, i) => {
    if (i > 0) {
      result.push(separator);
    }
    result.push(...item);
  });
  return result;
}
