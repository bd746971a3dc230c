/**
 * The open alerts of the people on the caller's case teams (everyone's, for an admin), in the
 * pillars the caller's role sees: what needs someone's attention now.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { pillars, Pillar } from '@mukti/contracts';
import { IntegerQueryParam } from '../fields';

/**
 * Decriminalisation: the police or a court listed her as accused (until it is undone); a
 * post-rescue step overdue, until it is done; a reintegration follow-up missed, until it is held;
 * debt bondage: a known perpetrator stood surety for her bail; her consent to be named to the law
 * withdrawn while a case of hers is open; a charge sheet missing 60 or 90 days after the FIR;
 * her income on a placement below the minimum wage, until a follow-up finds it at or above.
 */
export const alertKinds = [
  'decriminalisation',
  'post-rescue-step-overdue',
  'follow-up-missed',
  'debt-bondage',
  'consent-withdrawn-on-open-case',
  'charge-sheet-missing',
  'below-minimum-wage',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 50;
/** Far beyond any caseload (the platform is measured at 100k people); a bound keeps offsets sane. */
export const MAX_LIST_OFFSET = 1_000_000;

/** limit and offset, as every listing of people or alerts pages. */
export class ListPageQuery {
  @IntegerQueryParam({ default: DEFAULT_LIST_LIMIT, minimum: 1, maximum: MAX_LIST_LIMIT })
  limit?: number;

  @IntegerQueryParam({ default: 0, minimum: 0, maximum: MAX_LIST_OFFSET })
  offset?: number;
}

export class AlertsQuery extends ListPageQuery {
  @ApiPropertyOptional({ enum: alertKinds }) @IsOptional() @IsIn(alertKinds) kind?: AlertKind;
  @ApiPropertyOptional({ enum: pillars }) @IsOptional() @IsIn(pillars) pillar?: Pillar;
}

/** One open alert of a person (on her summary). */
export class OpenAlertView {
  @ApiProperty({ enum: alertKinds }) kind!: AlertKind;
  @ApiProperty({ enum: pillars }) pillar!: Pillar;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { operationId: '0f8c2a4e-6b1d-4c3e-9a7f-2d5e8b1c4a6f', step: 'medical-examination', dueAt: '2026-03-02T09:00:00.000Z' },
    description: 'coded details: the operation and step, or the due date of the follow-up',
  })
  details!: Record<string, string>;
}

/** One open alert, with whose it is. */
export class AlertView extends OpenAlertView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
}

export class AlertsView {
  @ApiProperty({ type: [AlertView], description: 'oldest first' }) alerts!: AlertView[];
  @ApiProperty({ description: 'how many alerts match, across all pages' }) total!: number;
}
