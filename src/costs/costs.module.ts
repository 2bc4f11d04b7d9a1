import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetService } from './budget.service';
import { CostRecord } from './cost-record.entity';
import { CostReservation } from './cost-reservation.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CostRecord, CostReservation])],
  providers: [BudgetService],
  exports: [BudgetService],
})
export class CostsModule {}
