import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job and project lists are ordered `created_at DESC, slug DESC`, for all
 * teams (admins) or one team: an index in exactly that order per case lets a
 * page (by offset or by keyset cursor) read its rows in order instead of
 * sorting every row. The team- and status-led ones replace the shorter ones.
 */
export class ListIndexes1764900300000 implements MigrationInterface {
  name = 'ListIndexes1764900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX idx_jobs_created_slug ON jobs (created_at, slug)');
    await queryRunner.query('CREATE INDEX idx_jobs_team_created_slug ON jobs (team_id, created_at, slug)');
    await queryRunner.query('DROP INDEX idx_jobs_team_created');
    // Filtered by status (the list's ?status=, and workers looking for queued jobs): still in list order.
    await queryRunner.query('CREATE INDEX idx_jobs_status_created_slug ON jobs (status, created_at, slug)');
    await queryRunner.query('DROP INDEX idx_jobs_status');
    // A list page reads 13 phase states per job: from the index alone, without the rows' outputs.
    await queryRunner.query('CREATE INDEX idx_job_phases_list ON job_phases (job_slug, phase, status)');
    await queryRunner.query('CREATE INDEX idx_projects_created_slug ON projects (created_at, slug)');
    await queryRunner.query('CREATE INDEX idx_projects_team_created_slug ON projects (team_id, created_at, slug)');
    await queryRunner.query('DROP INDEX idx_projects_team');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_job_phases_list');
    await queryRunner.query('CREATE INDEX idx_projects_team ON projects (team_id)');
    await queryRunner.query('DROP INDEX idx_projects_team_created_slug');
    await queryRunner.query('DROP INDEX idx_projects_created_slug');
    await queryRunner.query('CREATE INDEX idx_jobs_status ON jobs (status)');
    await queryRunner.query('DROP INDEX idx_jobs_status_created_slug');
    await queryRunner.query('CREATE INDEX idx_jobs_team_created ON jobs (team_id, created_at)');
    await queryRunner.query('DROP INDEX idx_jobs_team_created_slug');
    await queryRunner.query('DROP INDEX idx_jobs_created_slug');
  }
}
