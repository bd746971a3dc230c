import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { placementKinds, placementLossReasons, sectors, skillLevels, trainingOutcomes } from '@mukti/contracts';

export class PlacementView {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ enum: placementKinds }) kind!: (typeof placementKinds)[number];
  @ApiProperty({ enum: sectors }) sector!: (typeof sectors)[number];
  @ApiProperty({ enum: skillLevels }) skillLevel!: (typeof skillLevels)[number];
  @ApiProperty({ description: 'the state whose minimum wage applies' }) state!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ enum: ['active', 'lost'] }) status!: 'active' | 'lost';
  @ApiProperty({ description: 'what it paid her a month when last known, in rupees' }) monthlyIncomeInr!: number;
  @ApiProperty({ format: 'date-time', description: 'when that was known' }) incomeAt!: string;
  @ApiProperty({ description: 'the minimum wage in force then, a month, in rupees' }) minimumWageInr!: number;
  @ApiProperty({ description: 'monthlyIncomeInr is at least the minimum wage' }) sustainableWage!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) lostAt?: string;
  @ApiPropertyOptional({ enum: placementLossReasons }) lostReason?: (typeof placementLossReasons)[number];
  @ApiPropertyOptional({ description: "her employer's or her enterprise's name; absent once her personal data was erased (it was sealed with her key)" })
  employerOrEnterprise?: string;
}

export class PlacementsView {
  @ApiProperty({ type: [PlacementView], description: 'oldest first' }) placements!: PlacementView[];
}

export class SkillTrainingView {
  @ApiProperty({ format: 'uuid' }) trainingId!: string;
  @ApiPropertyOptional({ description: 'absent once her personal data was erased (it was sealed with her key)' }) trade?: string;
  @ApiPropertyOptional({ description: 'the training provider; absent once her personal data was erased' }) provider?: string;
  @ApiProperty({ enum: skillLevels, description: 'the level the training prepares her for' }) skillLevel!: (typeof skillLevels)[number];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) plannedEndAt?: string;
  @ApiProperty({ enum: ['ongoing', ...trainingOutcomes] }) status!: 'ongoing' | (typeof trainingOutcomes)[number];
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiProperty() certified!: boolean;
}

export class SkillTrainingsView {
  @ApiProperty({ type: [SkillTrainingView], description: 'oldest first' }) trainings!: SkillTrainingView[];
}
