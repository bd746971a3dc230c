/**
 * Finding people among those on the caller's case teams (everyone, for an admin) by their
 * trafficking profile (HTCDS vocabulary) and whether something needs attention.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { exploitationTypes, meansOfControl, pillars, recruitmentMethods, relationshipsToTrafficker, traffickingStatuses } from '@mukti/contracts';
import { OpenAlertView, ListPageQuery } from './alerts.query';

/** 'true' and 'false' as booleans; anything else is left for the validator to refuse. */
const booleanFromQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class FindPeopleQuery extends ListPageQuery {
  @ApiPropertyOptional({ enum: traffickingStatuses })
  @IsOptional()
  @IsIn(traffickingStatuses)
  traffickingStatus?: (typeof traffickingStatuses)[number];

  @ApiPropertyOptional({ enum: exploitationTypes, description: 'one of the types of exploitation in her profile' })
  @IsOptional()
  @IsIn(exploitationTypes)
  exploitationType?: (typeof exploitationTypes)[number];

  @ApiPropertyOptional({ enum: meansOfControl, description: 'one of the means of control in her profile' })
  @IsOptional()
  @IsIn(meansOfControl)
  meansOfControl?: (typeof meansOfControl)[number];

  @ApiPropertyOptional({ enum: recruitmentMethods })
  @IsOptional()
  @IsIn(recruitmentMethods)
  recruitmentMethod?: (typeof recruitmentMethods)[number];

  @ApiPropertyOptional({ enum: relationshipsToTrafficker })
  @IsOptional()
  @IsIn(relationshipsToTrafficker)
  relationshipToTrafficker?: (typeof relationshipsToTrafficker)[number];

  @ApiPropertyOptional({ type: Boolean, description: 'with (true) or without (false) open alerts in the pillars the caller sees' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  hasOpenAlerts?: boolean;
}

export class DueStepView {
  @ApiProperty({ enum: pillars }) pillar!: string;
  @ApiProperty({ example: 'medical-examination' }) what!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class FoundPersonView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'her summary in each pillar the caller sees (as in /people/{personId}/summary)' })
  pillars!: Record<string, unknown>;
  @ApiProperty({ type: [OpenAlertView], description: 'open alerts in the pillars the caller sees, oldest first' }) openAlerts!: OpenAlertView[];
  @ApiProperty({ type: [DueStepView], description: 'what falls due next, soonest first (at most 5)' }) nextDueSteps!: DueStepView[];
  @ApiPropertyOptional({ format: 'date-time' }) lastEventAt?: string;
}

export class PeopleView {
  @ApiProperty({ type: [FoundPersonView], description: 'most recent activity first' }) people!: FoundPersonView[];
  @ApiProperty({ description: 'how many people match, across all pages' }) total!: number;
}

export class CaseTeamMemberView {
  @ApiProperty({ example: 'caseworker' }) role!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

/** Her case at a glance (GET /people/{personId}/summary): only the pillars the reader's role sees. */
export class PersonSummaryView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the status of each pillar the caller sees, by pillar (prevention is the livelihood pillar\'s)' })
  pillars!: Record<string, unknown>;
  @ApiProperty({ type: [OpenAlertView], description: 'oldest first' }) openAlerts!: OpenAlertView[];
  @ApiProperty({ type: [DueStepView], description: 'soonest first' }) nextDueSteps!: DueStepView[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CaseTeamMemberView' }, description: 'her case team, by staff id' })
  caseTeam!: Record<string, CaseTeamMemberView>;
  @ApiPropertyOptional({ format: 'date-time', description: 'her personal data was erased then' }) erasedAt?: string;
  @ApiProperty({ type: 'integer', description: 'entries on her timeline' }) entryCount!: number;
  @ApiPropertyOptional({ format: 'date-time' }) lastEventAt?: string;
}
