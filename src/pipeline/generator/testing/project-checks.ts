/**
 * Test helpers that inspect a generated project the way QA would, without
 * depending on the QA module.
 */
import { parse } from 'yaml';
import type { GeneratedFile } from '../app-spec';
import { findDartDirectives, localImportTarget } from '../dart-directives';

/** Packages every generated project declares (dependencies + dev_dependencies). */
export function declaredPackages(files: readonly GeneratedFile[]): { name: string; declared: Set<string> } {
  const pubspec = files.find((file) => file.path === 'pubspec.yaml');
  if (!pubspec) throw new Error('pubspec.yaml missing');
  const doc = parse(pubspec.content) as { name: string; dependencies?: object; dev_dependencies?: object };
  return {
    name: doc.name,
    declared: new Set([...Object.keys(doc.dependencies ?? {}), ...Object.keys(doc.dev_dependencies ?? {})]),
  };
}

/** Every URI that does not resolve to a generated file or a declared package, as `file: uri`. */
export function unresolvedImports(files: readonly GeneratedFile[]): string[] {
  const paths = new Set(files.map((file) => file.path));
  const { name, declared } = declaredPackages(files);
  const problems: string[] = [];
  for (const file of files.filter((candidate) => candidate.path.endsWith('.dart'))) {
    for (const uri of findDartDirectives(file.content).flatMap((directive) => directive.uris)) {
      if (uri.startsWith('dart:')) continue;
      const target = localImportTarget(file.path, uri, name);
      if (target !== null) {
        if (!paths.has(target)) problems.push(`${file.path}: ${uri}`);
      } else if (!uri.startsWith('package:') || !declared.has(uri.slice('package:'.length).split('/')[0])) {
        problems.push(`${file.path}: ${uri}`);
      }
    }
  }
  return problems;
}

/** `class Name` declarations, in order. */
export function declaredClasses(source: string): string[] {
  return [...source.matchAll(/^(?:abstract\s+|final\s+|sealed\s+|base\s+)*class\s+(\w+)/gm)].map((match) => match[1]);
}
