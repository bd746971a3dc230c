/** What the legal endpoints return: perpetrators to legal staff, cases by their coded facts. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { beneficiaryKinds, perpetratorCategories, perpetratorLinks, trainingAudiences, trainingTopics } from '@mukti/contracts';

export class PerpetratorLinkView {
  @ApiProperty({ format: 'uuid' }) otherPerpetratorId!: string;
  @ApiProperty({ enum: perpetratorLinks }) link!: string;
}

export class KnownPlaceView {
  @ApiProperty({ example: 'West Bengal' }) state!: string;
  @ApiProperty({ example: 'North 24 Parganas' }) district!: string;
}

export class PerpetratorView {
  @ApiProperty({ format: 'uuid' }) perpetratorId!: string;
  @ApiProperty({ enum: perpetratorCategories }) category!: string;
  @ApiProperty({ enum: beneficiaryKinds }) beneficiary!: string;
  @ApiProperty({ description: 'personal data, opened with his key for legal staff' }) name!: string;
  @ApiPropertyOptional({ type: [String] }) aliases?: string[];
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() address?: string;
  @ApiProperty({ type: [KnownPlaceView], description: 'states and districts where he is known to operate' }) knownPlaces!: KnownPlaceView[];
  @ApiProperty({ type: [PerpetratorLinkView] }) links!: PerpetratorLinkView[];
  @ApiProperty({ format: 'date-time' }) profiledAt!: string;
}

/** A case as the legal officer follows it: the FIR, the accused and their status, the steps since. No personal data. */
export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ description: 'the case as its rules see it: FIR, sections, victims and accused by id, charge sheets, hearings, verdicts' })
  record!: Record<string, unknown>;
}

export class TrainingSessionView {
  @ApiProperty({ format: 'uuid' }) trainingId!: string;
  @ApiProperty({ enum: trainingAudiences }) audience!: string;
  @ApiProperty({ enum: trainingTopics }) topic!: string;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty() trainerId!: string;
  @ApiProperty() participantCount!: number;
  @ApiProperty() state!: string;
  @ApiProperty() district!: string;
  @ApiProperty({ format: 'date-time' }) refresherDueAt!: string;
  @ApiProperty({ description: 'a later session refreshed it' }) refreshed!: boolean;
  @ApiProperty({ description: 'its refresher is past due and not held' }) refresherOverdue!: boolean;
}

export class TrainingSessionsView {
  @ApiProperty({ type: [TrainingSessionView], description: 'one page, most recent first' }) sessions!: TrainingSessionView[];
  @ApiProperty({ description: 'how many there are in all' }) total!: number;
}
