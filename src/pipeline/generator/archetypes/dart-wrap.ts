/**
 * Statements whose length depends on the app's language (a German error
 * message is longer than the English one), laid out as `dart format` lays
 * them out: on one line when it fits in 80 columns, else split the way the
 * formatter splits them. Each takes the indent of its first line.
 */
const fits = (line: string): boolean => !line.includes('\n') && line.length <= 80;

/** `target = value;`, or the value on the next line, four further in. */
export function assignmentDart(indent: string, target: string, value: string): string {
  const line = `${indent}${target} = ${value};`;
  return fits(line) ? line : `${indent}${target} =\n${indent}    ${value};`;
}

/** `callee(argument)` and `end`, or the argument on a line of its own with a trailing comma. */
export function callDart(indent: string, callee: string, argument: string, end: string): string {
  const line = `${indent}${callee}(${argument})${end}`;
  return fits(line) ? line : `${indent}${callee}(\n${indent}  ${argument},\n${indent})${end}`;
}

/** `SnackBar(content: Text(text))` and `end`, split over lines when that is too long. */
export function snackBarDart(indent: string, text: string, end: string): string {
  const line = `${indent}SnackBar(content: Text(${text}))${end}`;
  if (fits(line)) return line;
  return `${indent}SnackBar(\n${callDart(`${indent}  `, 'content: Text', text, ',')}\n${indent})${end}`;
}

/** `if (mounted) statement`, in braces when the statement does not fit on the same line. */
export function ifMountedDart(indent: string, statement: (indent: string) => string): string {
  const line = `${indent}if (mounted) ${statement('')}`;
  return fits(line) ? line : `${indent}if (mounted) {\n${statement(`${indent}  `)}\n${indent}}`;
}

/** `expect(finder, findsOneWidget);`, or one argument a line with a trailing comma. */
export function expectFoundOnceDart(indent: string, finder: string): string {
  const line = `${indent}expect(${finder}, findsOneWidget);`;
  return fits(line) ? line : `${indent}expect(\n${indent}  ${finder},\n${indent}  findsOneWidget,\n${indent});`;
}
