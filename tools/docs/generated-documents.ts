/** The documents generated from the code, each with how to render it from its current text. */
import { renderAsyncApi } from './asyncapi';
import { renderConfiguration } from './configuration-reference';
import { renderEventReference } from './event-reference';

export interface GeneratedDocument {
  /** Path from the repository root. */
  readonly file: string;
  /** Its text as the code says it should be, given its text now (a partly generated file keeps its prose). */
  render(current: string): string;
}

export function generatedDocuments(): GeneratedDocument[] {
  return [
    { file: 'docs/events.md', render: () => renderEventReference() },
    { file: 'docs/asyncapi.yaml', render: () => renderAsyncApi() },
    { file: 'docs/configuration.md', render: renderConfiguration },
  ];
}
