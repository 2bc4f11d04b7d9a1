import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetService } from './budget.service';
import { CostRecord } from './cost-record.entity';
import { CostReservation } from './cost-reservation.entity';
import { CostsController } from './costs.controller';
import { CostsService } from './costs.service';

@Module({
  imports: [TypeOrmModule.forFeature([CostRecord, CostReservation])],
  controllers: [CostsController],
  providers: [BudgetService, CostsService],
  exports: [BudgetService, CostsService],
})
export class CostsModule {}
