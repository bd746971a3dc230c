import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import { StaffEndpoint } from '@mukti/http';
import { TrainingSessionsQuery, TrainingSessionsView, TrainingSessionView } from '@mukti/staff-api';

export const TRAINING_REGISTER = Symbol('TRAINING_REGISTER');

/** The training sessions held, most recent first; `refresherOverdue=true` lists those whose refresher is past due. */
@Controller('training-sessions')
export class ListTrainingSessionsController {
  constructor(@Inject(TRAINING_REGISTER) private readonly register: Collection) {}

  @Get()
  @StaffEndpoint('listTrainingSessions')
  async list(@Query() query: TrainingSessionsQuery): Promise<TrainingSessionsView> {
    const filter = query.refresherOverdue === undefined ? {} : { refresherOverdue: query.refresherOverdue === 'true' };
    const found = (await this.register.find(filter as Document).toArray()) as unknown as (Omit<TrainingSessionView, 'trainingId'> & { _id: string })[];
    const sessions = found
      .map(({ _id, ...session }) => ({ trainingId: _id, ...session }))
      .sort((a, b) => b.heldAt.localeCompare(a.heldAt));
    return { sessions };
  }
}
