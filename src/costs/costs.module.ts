import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetService } from './budget.service';
import { CostAgentRollup } from './cost-agent-rollup.entity';
import { CostDailyRollup } from './cost-daily-rollup.entity';
import { CostJobTotal } from './cost-job-total.entity';
import { CostRecord } from './cost-record.entity';
import { CostRollupService } from './cost-rollup.service';
import { CostReservation } from './cost-reservation.entity';
import { CostsController } from './costs.controller';
import { CostsService } from './costs.service';

@Module({
  imports: [TypeOrmModule.forFeature([CostRecord, CostReservation, CostDailyRollup, CostAgentRollup, CostJobTotal])],
  controllers: [CostsController],
  providers: [BudgetService, CostsService, CostRollupService],
  exports: [BudgetService, CostsService],
})
export class CostsModule {}
