import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Money set aside for an LLM call in flight, so concurrent calls cannot overshoot the daily limit together. */
@Entity('cost_reservations')
export class CostReservation {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'double precision' })
  amount_usd: number;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;
}
