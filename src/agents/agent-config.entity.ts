import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('agent_configs')
export class AgentConfig {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  agent_id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** Empty: the active provider's default model. */
  @Column({ type: 'varchar', length: 200, default: '' })
  model: string;

  @Column({ type: 'text' })
  system_prompt: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'double precision' })
  temperature: number;

  @Column({ type: 'integer' })
  max_tokens: number;

  @Column({ type: 'varchar', length: 32 })
  updated_at: string;
}
