import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, RecordTrainingSessionRequest } from '@mukti/staff-api';
import { TrainingSessionStore } from '../../training-session.store';

/** Records a training of police, prosecutors, judges, CWC members, shelter or NGO staff, with its refresher due. */
@Controller('training-sessions')
export class RecordTrainingSessionController {
  constructor(private readonly sessions: TrainingSessionStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('recordTrainingSession')
  async record(@Body() request: RecordTrainingSessionRequest, @RequestContext() context: CommandContext): Promise<RecordedResponse> {
    const trainingId = newId(context, 'trainingId');
    const participantNames = request.participantNames?.length ? await this.sessions.sealNames(trainingId, request.participantNames) : undefined;
    await this.sessions.decide(
      trainingId,
      {
        type: 'RecordTrainingSession',
        data: {
          trainingId,
          audience: request.audience,
          topic: request.topic,
          heldAt: new Date(request.heldAt).toISOString(),
          trainerId: request.trainerId,
          participantCount: request.participantCount,
          ...(participantNames ? { participantNames } : {}),
          ...(request.refresherDueAt ? { refresherDueAt: new Date(request.refresherDueAt).toISOString() } : {}),
          ...(request.refreshesTrainingId ? { refreshesTrainingId: request.refreshesTrainingId } : {}),
          refreshedSessionKnown: request.refreshesTrainingId ? await this.sessions.exists(request.refreshesTrainingId) : false,
          district: request.place.district,
          state: request.place.state,
          now: this.sessions.now(),
        },
      },
      context,
    );
    return { id: trainingId };
  }
}
