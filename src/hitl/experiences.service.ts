import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { EVENTS, type HitlDecisionEvent } from '../common/events';
import { nowIso } from '../common/time';
import { teamWhere } from '../common/auth/team-scope';
import { assertDecidable, decidedBy } from './decision';
import { Experience } from './experience.entity';

/** Agents whose prompts receive a team's approved lessons. */
const LESSON_AGENTS = new Set(['dev_agent', 'refactor_agent']);
const MAX_LESSONS = 8;
const MAX_LESSON_CHARS = 2_000;

export interface RepairOutcome {
  jobSlug: string;
  teamId: string;
  agent: string;
  findings: { rule: string; file: string; message: string }[];
  changed: string[];
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9_]{3,}/g) ?? []);
}

/** Lessons learned from repairs: filed as pending, used in prompts only once approved. */
@Injectable()
export class ExperiencesService {
  constructor(
    @InjectRepository(Experience) private readonly repo: Repository<Experience>,
    private readonly events: EventEmitter2,
  ) {}

  /** Files a pending lesson from a repair that fixed QA findings. */
  async fileFromRepair(outcome: RepairOutcome): Promise<Experience> {
    const rules = [...new Set(outcome.findings.map((f) => f.rule))];
    const now = nowIso();
    const experience: Experience = {
      id: `exp-${randomUUID()}`,
      team_id: outcome.teamId,
      job_slug: outcome.jobSlug,
      agent: outcome.agent,
      problem: outcome.findings
        .map((f) => `[${f.rule}] ${f.file}: ${f.message}`)
        .join('\n')
        .slice(0, 8_000),
      solution: `Rewrote ${outcome.changed.length} file(s): ${outcome.changed.join(', ')}`.slice(0, 4_000),
      lessons: rules.map((rule) => this.lessonFor(rule)),
      status: 'pending',
      created_at: now,
      updated_at: now,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      times_used: 0,
    };
    await this.repo.insert(experience);
    return experience;
  }

  async list(user: AuthUser, teamId?: string): Promise<Experience[]> {
    return this.repo.find({ where: teamWhere(user, teamId), order: { created_at: 'DESC' } });
  }

  async pending(user: AuthUser): Promise<Experience[]> {
    return this.repo.find({ where: { ...teamWhere(user), status: 'pending' }, order: { created_at: 'ASC' } });
  }

  async findById(id: string): Promise<Experience | null> {
    return this.repo.findOne({ where: { id } });
  }

  async decide(id: string, user: AuthUser, status: 'approved' | 'rejected', reason?: string): Promise<Experience> {
    const experience = assertDecidable(await this.findById(id), user, 'Experience');
    const now = nowIso();
    const changes = {
      status,
      decided_at: now,
      updated_at: now,
      decided_by: decidedBy(user),
      decision_reason: reason?.trim() || null,
    };
    const result = await this.repo.update({ id, status: 'pending' }, changes);
    if (!result.affected) assertDecidable(await this.findById(id), user, 'Experience');
    const decided = { ...experience, ...changes };
    this.events.emit(EVENTS.hitlDecision, {
      kind: 'experience',
      id,
      decision: status,
      job_slug: experience.job_slug,
      team_id: experience.team_id,
      by: user,
      reason: changes.decision_reason,
    } satisfies HitlDecisionEvent);
    return decided;
  }

  /**
   * The team's approved lessons for an agent, most relevant to the task
   * first, bounded in number and size; each one used is counted.
   */
  async lessonsFor(teamId: string, agent: string, hint: string): Promise<string[]> {
    if (!LESSON_AGENTS.has(agent)) return [];
    const approved = await this.repo.find({
      where: { team_id: teamId, status: 'approved' },
      order: { created_at: 'DESC' },
      take: 200,
    });
    if (!approved.length) return [];
    const hintWords = words(hint);
    const scored = approved
      .map((exp) => {
        const text = `${exp.problem} ${exp.lessons.join(' ')}`;
        const overlap = [...words(text)].filter((w) => hintWords.has(w)).length;
        return { exp, score: overlap + (exp.agent === agent ? 2 : 0) };
      })
      .sort((a, b) => b.score - a.score);
    const chosen: Experience[] = [];
    const lessons: string[] = [];
    let size = 0;
    for (const { exp } of scored) {
      for (const lesson of exp.lessons) {
        if (lessons.includes(lesson) || lessons.length >= MAX_LESSONS || size + lesson.length > MAX_LESSON_CHARS)
          continue;
        lessons.push(lesson);
        size += lesson.length;
        if (!chosen.includes(exp)) chosen.push(exp);
      }
    }
    if (chosen.length) {
      await this.repo.increment({ id: In(chosen.map((e) => e.id)) }, 'times_used', 1);
    }
    return lessons;
  }

  async clearAll(): Promise<void> {
    await this.repo.clear();
  }

  private lessonFor(rule: string): string {
    const lessons: Record<string, string> = {
      dart_syntax: 'Every Dart file must parse: close every bracket and string, and end statements with semicolons.',
      import_unresolved:
        'Only import files that exist in the project; check relative paths and package:<app>/ paths against the layout.',
      package_undeclared: 'Never import a package that pubspec.yaml does not declare; prefer Flutter SDK APIs.',
      dart_library_unknown: 'Only import real dart: libraries (dart:async, dart:convert, dart:math, …).',
      pubspec_missing: 'Always write pubspec.yaml at the project root.',
      pubspec_invalid: 'pubspec.yaml must be valid YAML.',
      pubspec_name: 'The pubspec name must be a valid Dart package name (lower-case, underscores, not a keyword).',
      feature_missing_screen: 'Every requested feature needs its screen file at lib/features/<id>/<id>_screen.dart.',
      feature_missing_test: 'Every requested feature needs a widget test at test/features/<id>_screen_test.dart.',
      name_not_imported:
        'Import the file that declares every class you use; a name from another file needs its import.',
      undefined_name: 'Only use classes and functions that are declared in the project or in an imported library.',
      missing_required_argument: 'Pass every required named argument of a constructor; read its declaration first.',
      unknown_named_argument: 'Only pass named arguments a constructor declares; check its parameter names.',
      const_with_non_constant: 'Use const only when every argument is constant (never const Text(widget.title)).',
      reserved_identifier: 'Never use a Dart reserved word (class, new, switch, …) as a name.',
      feature_unreachable: 'Register every feature screen in the app routes and link it from the home screen.',
      feature_test_missing_screen: "Each feature's widget test must pump that feature's screen.",
      feature_test_no_action: "Each feature's widget test must exercise the screen's main action (tap, enter text, …).",
      flutter_test_failed: 'Run the widget tests in your head: finders must match exactly what the screen shows.',
    };
    return lessons[rule] ?? `Avoid QA finding "${rule}".`;
  }
}
