/**
 * Request bodies of the livelihood endpoints: a survivor's livelihood plan (training, placements
 * against the minimum wage, income, financial inclusion, schemes) and prevention plans for
 * households and people at risk. Validated by the gateway and again by the service.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import {
  financialInclusions,
  governmentSchemes,
  placementKinds,
  placementLossReasons,
  preventionSupportKinds,
  preventionSupportStatuses,
  schemeStages,
  sectors,
  skillLevels,
  trainingOutcomes,
} from '@mukti/contracts';
import { Instant, TextLength } from '../fields';

const dateTime = { format: 'date-time' } as const;

export class StartSkillTrainingRequest {
  @ApiProperty({ example: 'Tailoring and garment making' }) @IsString() @TextLength(2, 120) trade!: string;
  @ApiProperty({ example: 'Jan Shikshan Sansthan, Kolkata' }) @IsString() @TextLength(2, 200) provider!: string;
  @ApiProperty({ enum: skillLevels, description: 'the level the training prepares her for' }) @IsIn(skillLevels) skillLevel!: (typeof skillLevels)[number];
  @ApiProperty(dateTime) @Instant() startedAt!: string;
  @ApiPropertyOptional(dateTime) @IsOptional() @Instant() plannedEndAt?: string;
}

export class EndSkillTrainingRequest {
  @ApiProperty({ enum: trainingOutcomes }) @IsIn(trainingOutcomes) outcome!: (typeof trainingOutcomes)[number];
  @ApiProperty(dateTime) @Instant() endedAt!: string;
  @ApiProperty({ description: 'she received a certificate (only for a training completed)' }) @IsBoolean() certified!: boolean;
}

export class StartPlacementRequest {
  @ApiProperty({ enum: placementKinds }) @IsIn(placementKinds) kind!: (typeof placementKinds)[number];
  @ApiProperty({ description: "the employer's or her enterprise's name", example: 'Sonar Tailoring Unit' })
  @IsString()
  @TextLength(2, 200)
  employerOrEnterprise!: string;
  @ApiProperty({ enum: sectors }) @IsIn(sectors) sector!: (typeof sectors)[number];
  @ApiProperty({ enum: skillLevels }) @IsIn(skillLevels) skillLevel!: (typeof skillLevels)[number];
  @ApiProperty({ description: 'the state whose minimum wage applies', example: 'West Bengal' }) @IsString() @TextLength(2, 80) state!: string;
  @ApiProperty(dateTime) @Instant() startedAt!: string;
  @ApiProperty({ minimum: 0, description: 'what it pays her a month, in rupees' }) @IsInt() @Min(0) monthlyIncomeInr!: number;
}

export class FollowUpIncomeRequest {
  @ApiProperty(dateTime) @Instant() at!: string;
  @ApiProperty({ minimum: 0, description: 'what she earns a month now, in rupees' }) @IsInt() @Min(0) monthlyIncomeInr!: number;
}

export class RecordPlacementLostRequest {
  @ApiProperty(dateTime) @Instant() lostAt!: string;
  @ApiProperty({ enum: placementLossReasons }) @IsIn(placementLossReasons) reason!: (typeof placementLossReasons)[number];
}

export class RecordFinancialInclusionRequest {
  @ApiProperty({ enum: financialInclusions }) @IsIn(financialInclusions) kind!: (typeof financialInclusions)[number];
  @ApiProperty(dateTime) @Instant() at!: string;
}

export class RecordSchemeLinkageRequest {
  @ApiProperty({ enum: governmentSchemes }) @IsIn(governmentSchemes) scheme!: (typeof governmentSchemes)[number];
  @ApiProperty({ enum: schemeStages }) @IsIn(schemeStages) stage!: (typeof schemeStages)[number];
  @ApiProperty(dateTime) @Instant() at!: string;
}

/** A prevention plan for a household at risk, or for one person at risk: exactly one of the two. */
export class OpenPreventionPlanRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'a household registered in intake: its members are covered' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a person at risk registered in intake' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class RecordPreventionSupportRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'the support being updated; a new one when omitted' })
  @IsOptional()
  @IsUUID()
  supportId?: string;
  @ApiProperty({ enum: preventionSupportKinds }) @IsIn(preventionSupportKinds) kind!: (typeof preventionSupportKinds)[number];
  @ApiProperty({ enum: preventionSupportStatuses }) @IsIn(preventionSupportStatuses) status!: (typeof preventionSupportStatuses)[number];
  @ApiProperty(dateTime) @Instant() startedAt!: string;
  @ApiPropertyOptional(dateTime) @IsOptional() @Instant() endedAt?: string;
  @ApiPropertyOptional({ enum: governmentSchemes, description: 'for a scheme linkage' }) @IsOptional() @IsIn(governmentSchemes) scheme?: (typeof governmentSchemes)[number];
}

export class RecordEntryIntoExploitationRequest {
  @ApiProperty({ format: 'uuid', description: 'a person the plan covers' }) @IsUUID() personId!: string;
  @ApiProperty(dateTime) @Instant() enteredAt!: string;
}
