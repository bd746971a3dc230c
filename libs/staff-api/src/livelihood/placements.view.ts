import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { placementKinds, placementLossReasons, sectors, skillLevels } from '@mukti/contracts';

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
