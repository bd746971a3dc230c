import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import { StaffEndpoint } from '@mukti/http';
import { PageInOrder, TrainingSessionsQuery, TrainingSessionsView, TrainingSessionView } from '@mukti/staff-api';

export const TRAINING_REGISTER = Symbol('TRAINING_REGISTER');

/**
 * The training sessions held, most recent first, a page at a time; `refresherOverdue=true` lists
 * those whose refresher is past due. Read as a stream: the register grows with the years, the
 * answer and what is held for it do not.
 */
@Controller('training-sessions')
export class ListTrainingSessionsController {
  constructor(@Inject(TRAINING_REGISTER) private readonly register: Collection) {}

  @Get()
  @StaffEndpoint('listTrainingSessions')
  async list(@Query() query: TrainingSessionsQuery): Promise<TrainingSessionsView> {
    const filter = query.refresherOverdue === undefined ? {} : { refresherOverdue: query.refresherOverdue === 'true' };
    const page = new PageInOrder<TrainingSessionView>((a, b) => b.heldAt.localeCompare(a.heldAt) || a.trainingId.localeCompare(b.trainingId), query);
    let chunk: TrainingSessionView[] = [];
    for await (const stored of this.register.find(filter as Document)) {
      const { _id, ...session } = stored as unknown as Omit<TrainingSessionView, 'trainingId'> & { _id: string };
      chunk.push({ trainingId: _id, ...session });
      if (chunk.length === 500) {
        page.add(chunk);
        chunk = [];
      }
    }
    page.add(chunk);
    const { items, total } = page.page();
    return { sessions: items, total };
  }
}
