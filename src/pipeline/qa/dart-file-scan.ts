import type { Node } from 'web-tree-sitter';
import {
  DART_BUILT_IN_IDENTIFIERS,
  DART_RESERVED_WORDS,
  NON_ACTION_METHODS,
  TEST_ACTION_METHODS,
  isCapitalised,
} from './dart-names';
import { uriValue } from './dart-parser';

/**
 * What the symbol and feature checks need from one Dart file, extracted in a
 * single walk of its tree-sitter tree. The Dart grammar is "flat": a call such
 * as `Foo.bar(1)` is the sibling sequence `identifier`, `selector(.bar)`,
 * `selector(argument_part)` inside whatever node holds the expression, so
 * chains are read from each node's children in order.
 */

export type LibraryDirectiveKind = 'import' | 'export' | 'part' | 'part_of';

export interface LibraryDirective {
  kind: LibraryDirectiveKind;
  /** The default URI first, then conditional alternatives; empty for `part of dotted.name;`. */
  uris: string[];
  line: number;
  /** `import '…' as prefix`. */
  prefix?: string;
  show?: string[];
  hide?: string[];
}

export type DeclarationKind =
  'class' | 'enum' | 'mixin' | 'extension' | 'extension_type' | 'typedef' | 'function' | 'variable';

export interface TopLevelDeclaration {
  name: string;
  kind: DeclarationKind;
  line: number;
}

export interface ParameterSpec {
  /** Required positional parameters. */
  positional: number;
  /** `[optional]` positional parameters. */
  optionalPositional: number;
  /** Named parameters → whether they are `required`. */
  named: Map<string, boolean>;
}

export interface ConstructorDeclaration {
  /** '' for the unnamed constructor. */
  name: string;
  line: number;
  isConst: boolean;
  params: ParameterSpec;
}

export interface ClassDeclaration {
  name: string;
  kind: 'class' | 'enum' | 'mixin' | 'extension_type';
  line: number;
  /** The `extends` type, without import prefix. */
  superclass?: string;
  /** Declared constructors; a class without any has the implicit `Name()`. */
  constructors: ConstructorDeclaration[];
  /** False when the constructors cannot be known from the declaration (mixin application, enum, extension type). */
  constructorsKnown: boolean;
}

export interface NameReference {
  name: string;
  line: number;
}

export interface ConstructorCall {
  className: string;
  /** '' for the unnamed constructor (also for `Foo.new(…)`). */
  constructorName: string;
  line: number;
  positional: number;
  named: string[];
  /** Explicit `const`, or inside a const context. */
  isConst: boolean;
}

export interface MemberPath {
  /** The head identifier then each member name; calls and index operators are left out. */
  path: string[];
  line: number;
}

export interface ConstProblem {
  line: number;
  message: string;
}

export interface ReservedName {
  name: string;
  kind: string;
  line: number;
}

export interface FileScan {
  directives: LibraryDirective[];
  declarations: TopLevelDeclaration[];
  classes: ClassDeclaration[];
  /** Unprefixed capitalised names used as a type, constructor or expression (first line each). */
  references: NameReference[];
  /** Every capitalised identifier in the file, prefixed or not (reachability, test coverage). */
  mentions: Set<string>;
  /** Every name the file declares anywhere (locals, parameters, type parameters, members…). */
  declaredNames: Set<string>;
  calls: ConstructorCall[];
  /** Member chains with at least one `.name` (`Theme.of(context).textTheme.headline6` → Theme, of, textTheme, headline6). */
  memberPaths: MemberPath[];
  constProblems: ConstProblem[];
  reserved: ReservedName[];
  /** Names of type declarations found only as text inside syntax errors. */
  brokenTypeNames: string[];
  /** A widget-test interaction (tap, enterText, …) or a direct call on a controller/state. */
  hasTestAction: boolean;
}

/** Parents whose identifier children are not references to a declaration in scope. */
const NON_REFERENCE_PARENTS = new Set([
  'label',
  'unconditional_assignable_selector',
  'conditional_assignable_selector',
  'cascade_selector',
  'combinator',
  'constructor_param',
  'super_formal_parameter',
  'enum_constant',
  'dotted_identifier_list',
  'library_name',
  'object_pattern',
  'import_specification',
]);

/** Nodes that never make an expression non-constant (types, labels, operators, comments). */
const CONST_NEUTRAL = new Set([
  'type_identifier',
  'type_arguments',
  'type_cast',
  'type_test',
  'label',
  'comment',
  'documentation_comment',
  'true',
  'false',
  'null_literal',
  'nullable_type',
  'function_type',
  'record_type',
  'void_type',
  'symbol_literal',
]);

/** `class Name`, `enum Name`, … in raw text (`mixin class` and `extension type` are modifiers, not names). */
const TYPE_DECLARATION_TEXT = /\b(class|enum|mixin|typedef|extension)\s+(?!(?:class|type)\b)([A-Za-z_$][\w$]*)/g;

/** Blanks out comments and string literals, keeping line breaks (and so line numbers). */
function codeOnly(text: string): string {
  return text.replace(
    /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g,
    (m) => m.replace(/[^\n]/g, ' '),
  );
}

/** Receivers whose method calls count as a test driving the feature's state directly. */
const STATE_RECEIVER = /(controller|state|notifier|bloc|cubit|store|model|repository|service|manager)$/i;

type Segment =
  | { kind: 'call'; node: Node }
  | { kind: 'member'; name: string; nullAware: boolean }
  | { kind: 'index' }
  | { kind: 'other' };

function line(node: Node): number {
  return node.startPosition.row + 1;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 48 ? `${flat.slice(0, 45)}…` : flat;
}

function childOfType(node: Node, type: string): Node | undefined {
  return node.children.find((child) => child.type === type);
}

function segments(selectors: readonly Node[]): Segment[] {
  return selectors.map((selector): Segment => {
    const inner = selector.type === 'selector' ? selector.namedChildren[0] : selector;
    if (!inner) return { kind: 'other' };
    if (inner.type === 'argument_part') return { kind: 'call', node: inner };
    if (inner.type === 'unconditional_assignable_selector' || inner.type === 'conditional_assignable_selector') {
      const name = childOfType(inner, 'identifier');
      if (!name) return { kind: 'index' };
      return { kind: 'member', name: name.text, nullAware: inner.type === 'conditional_assignable_selector' };
    }
    return { kind: 'other' };
  });
}

/** `arguments` of an argument_part or a const/new expression. */
function argumentsOf(node: Node): Node | undefined {
  return node.type === 'arguments' ? node : childOfType(node, 'arguments');
}

function countArguments(args: Node | undefined): { positional: number; named: string[] } {
  let positional = 0;
  const named: string[] = [];
  for (const child of args?.namedChildren ?? []) {
    if (child.type === 'argument') positional++;
    else if (child.type === 'named_argument') {
      const label = childOfType(child, 'label');
      const name = label && childOfType(label, 'identifier');
      if (name) named.push(name.text);
    }
  }
  return { positional, named };
}

/** The declared name of a formal parameter (`x`, `Type x`, `this.x`, `super.x`, `void f()`). */
function parameterName(param: Node): string | undefined {
  const named = param.childForFieldName('name');
  if (named) return named.text;
  for (const child of param.namedChildren) {
    if (child.type === 'constructor_param' || child.type === 'super_formal_parameter') {
      const ids = child.namedChildren.filter((n) => n.type === 'identifier');
      return ids[ids.length - 1]?.text;
    }
  }
  const ids = param.namedChildren.filter((n) => n.type === 'identifier');
  return ids[ids.length - 1]?.text;
}

function parameterSpec(list: Node | undefined): ParameterSpec {
  const spec: ParameterSpec = { positional: 0, optionalPositional: 0, named: new Map() };
  for (const child of list?.children ?? []) {
    if (child.type === 'formal_parameter') spec.positional++;
    if (child.type !== 'optional_formal_parameters') continue;
    const isNamed = child.children[0]?.type === '{';
    let required = false;
    for (const part of child.children) {
      if (part.type === 'required') required = true;
      if (part.type !== 'formal_parameter') continue;
      if (isNamed) {
        const name = parameterName(part);
        if (name) spec.named.set(name, required);
      } else {
        spec.optionalPositional++;
      }
      required = false;
    }
  }
  return spec;
}

const CONSTRUCTOR_SIGNATURES = new Set([
  'constructor_signature',
  'constant_constructor_signature',
  'factory_constructor_signature',
  'redirecting_factory_constructor_signature',
]);

function constructorOf(signature: Node): ConstructorDeclaration {
  const ids = signature.children.filter((n) => n.type === 'identifier');
  const name = ids[1]?.text ?? '';
  return {
    name: name === 'new' ? '' : name,
    line: line(signature),
    isConst: signature.children.some((n) => n.type === 'const_builtin'),
    params: parameterSpec(signature.childForFieldName('parameters') ?? childOfType(signature, 'formal_parameter_list')),
  };
}

/** The `extends` type of a class: the last unprefixed type name of the superclass clause. */
function superclassName(classNode: Node): string | undefined {
  const clause = classNode.childForFieldName('superclass');
  if (!clause) return undefined;
  const names = clause.children.filter((n) => n.type === 'type_identifier');
  return names[names.length - 1]?.text;
}

/** Whether a top-level or member variable list is declared `const` (the marker is a preceding sibling). */
function declaredConstBefore(siblings: readonly Node[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const type = siblings[i].type;
    if (type === 'const_builtin') return true;
    if (
      ![
        'type_identifier',
        'type_arguments',
        'nullable_type',
        'function_type',
        'record_type',
        'void_type',
        'inferred_type',
        'final_builtin',
        'static',
        'late',
        'external',
        '.',
      ].includes(type)
    )
      return false;
  }
  return false;
}

function variableNames(list: Node): string[] {
  const names: string[] = [];
  for (const item of list.namedChildren) {
    const id = item.namedChildren[0];
    if (id?.type === 'identifier') names.push(id.text);
  }
  return names;
}

type Binding = 'const' | 'nonconst' | 'unknown';

/**
 * Finds how `name` is bound at `from`: a local, parameter, field or top-level
 * variable declared `const` or not. Unknown names (imports, functions) stay unknown.
 */
function lookupBinding(from: Node, name: string): Binding {
  for (let scope = from.parent; scope; scope = scope.parent) {
    const found = bindingIn(scope, name);
    if (found !== 'unknown') return found;
  }
  return 'unknown';
}

function bindingInParameters(list: Node | null | undefined, name: string): Binding {
  if (!list) return 'unknown';
  for (const param of list.descendantsOfType('formal_parameter')) {
    if (parameterName(param) === name) return 'nonconst';
  }
  return 'unknown';
}

function bindingInMembers(children: readonly Node[], name: string, topLevel: boolean): Binding {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'declaration') {
      const isConst = child.children.some((n) => n.type === 'const_builtin');
      for (const list of child.namedChildren) {
        if (list.type !== 'static_final_declaration_list' && list.type !== 'initialized_identifier_list') continue;
        if (variableNames(list).includes(name)) return isConst ? 'const' : 'nonconst';
      }
    } else if (
      topLevel &&
      (child.type === 'static_final_declaration_list' || child.type === 'initialized_identifier_list')
    ) {
      if (variableNames(child).includes(name)) return declaredConstBefore(children, i) ? 'const' : 'nonconst';
    } else if (child.type === 'method_signature' || child.type === 'getter_signature') {
      const getter = child.type === 'getter_signature' ? child : childOfType(child, 'getter_signature');
      if (getter?.childForFieldName('name')?.text === name) return 'nonconst';
      // A method name read without a call is a tear-off: constant only when static.
      const method = childOfType(child, 'function_signature');
      if (!topLevel && method?.childForFieldName('name')?.text === name) return 'nonconst';
    }
  }
  return 'unknown';
}

function bindingIn(scope: Node, name: string): Binding {
  switch (scope.type) {
    case 'block':
      for (const statement of scope.namedChildren) {
        if (statement.type !== 'local_variable_declaration') continue;
        const definition = childOfType(statement, 'initialized_variable_definition');
        if (definition?.childForFieldName('name')?.text === name) {
          return definition.children.some((n) => n.type === 'const_builtin') ? 'const' : 'nonconst';
        }
      }
      return 'unknown';
    case 'for_statement': {
      const parts = childOfType(scope, 'for_loop_parts');
      return parts?.childForFieldName('name')?.text === name ? 'nonconst' : 'unknown';
    }
    case 'function_expression':
      return bindingInParameters(scope.childForFieldName('parameters'), name);
    case 'function_body': {
      const signature = scope.previousNamedSibling;
      if (!signature) return 'unknown';
      return bindingInParameters(signature.descendantsOfType('formal_parameter_list')[0], name);
    }
    case 'declaration':
      // A constructor's initializer list sees its parameters.
      return bindingInParameters(scope.descendantsOfType('formal_parameter_list')[0], name);
    case 'class_body':
    case 'enum_body':
    case 'extension_body':
      return bindingInMembers(scope.children, name, false);
    case 'program':
      return bindingInMembers(scope.children, name, true);
    default:
      return 'unknown';
  }
}

class FileScanner {
  private readonly scan: FileScan = {
    directives: [],
    declarations: [],
    classes: [],
    references: [],
    mentions: new Set(),
    declaredNames: new Set(),
    calls: [],
    memberPaths: [],
    constProblems: [],
    reserved: [],
    brokenTypeNames: [],
    hasTestAction: false,
  };
  private readonly referenced = new Set<string>();
  private readonly prefixes = new Set<string>();
  private constDepth = 0;
  private errorDepth = 0;
  /** Problems of the const context being evaluated. */
  private problems: ConstProblem[] = [];

  constructor(private readonly root: Node) {}

  run(): FileScan {
    this.readDirectives();
    this.visit(this.root);
    return this.scan;
  }

  // ---- directives -------------------------------------------------------

  private readDirectives(): void {
    for (const node of this.root.descendantsOfType([
      'library_import',
      'library_export',
      'part_directive',
      'part_of_directive',
    ])) {
      const kind: LibraryDirectiveKind =
        node.type === 'library_import'
          ? 'import'
          : node.type === 'library_export'
            ? 'export'
            : node.type === 'part_directive'
              ? 'part'
              : 'part_of';
      const uris = node.descendantsOfType('uri').map(uriValue);
      const directive: LibraryDirective = { kind, uris, line: line(node) };
      const spec = node.type === 'library_import' ? childOfType(node, 'import_specification') : node;
      if (spec) {
        const prefix = spec.children.find((n, i) => n.type === 'identifier' && spec.children[i - 1]?.type === 'as');
        if (prefix) {
          directive.prefix = prefix.text;
          this.prefixes.add(prefix.text);
        }
        for (const combinator of spec.namedChildren.filter((n) => n.type === 'combinator')) {
          const names = combinator.namedChildren.filter((n) => n.type === 'identifier').map((n) => n.text);
          const which = combinator.children[0]?.type === 'hide' ? 'hide' : 'show';
          directive[which] = [...(directive[which] ?? []), ...names];
        }
      }
      this.scan.directives.push(directive);
    }
  }

  // ---- walk -------------------------------------------------------------

  private visit(node: Node): void {
    const savedConst = this.constDepth;
    const isError = node.isError;
    if (isError) this.enterError(node);
    this.declare(node);
    if (node.type === 'function_expression') this.constDepth = 0;
    const startsConst = this.startsConstContext(node);
    if (startsConst && this.constDepth === 0 && this.errorDepth === 0) this.checkConstContext(node);
    if (node.type === 'const_object_expression' || node.type === 'new_expression') this.recordCreation(node);
    if (startsConst) this.constDepth++;

    const kids = node.children;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i];
      if (kid.type === 'identifier' || kid.type === 'type_identifier') this.noteName(node, kids, i);
      if (kid.type === 'identifier' && kids[i + 1]?.type === 'selector' && this.errorDepth === 0) {
        this.readChain(kids, i);
      }
      if (kid.childCount > 0 || kid.isError) this.visit(kid);
    }

    this.constDepth = savedConst;
    if (isError) this.errorDepth--;
  }

  private enterError(node: Node): void {
    if (this.errorDepth++ > 0) return;
    const text = codeOnly(node.text);
    for (const match of text.matchAll(TYPE_DECLARATION_TEXT)) {
      const name = match[2];
      this.scan.brokenTypeNames.push(name);
      if (DART_RESERVED_WORDS.has(name) || DART_BUILT_IN_IDENTIFIERS.has(name)) {
        const at = line(node) + text.slice(0, match.index).split('\n').length - 1;
        this.scan.reserved.push({ name, kind: match[1], line: at });
      }
    }
  }

  private noteName(parent: Node, kids: readonly Node[], index: number): void {
    const node = kids[index];
    const name = node.text;
    if (!isCapitalised(name)) return;
    this.scan.mentions.add(name);
    if (this.errorDepth > 0 || kids[index - 1]?.type === '.' || NON_REFERENCE_PARENTS.has(parent.type)) return;
    // `p.Foo` as a type or in a const/new expression: the prefix is a type_identifier too.
    if (this.prefixes.has(name)) return;
    if (this.referenced.has(name)) return;
    this.referenced.add(name);
    this.scan.references.push({ name, line: line(node) });
  }

  // ---- declarations -----------------------------------------------------

  private declareName(name: string | undefined, kind: string, at: Node, isType = false): void {
    if (!name) return;
    this.scan.declaredNames.add(name);
    if (DART_RESERVED_WORDS.has(name) || (isType && DART_BUILT_IN_IDENTIFIERS.has(name))) {
      this.scan.reserved.push({ name, kind, line: line(at) });
    }
  }

  private topLevel(name: string | undefined, kind: DeclarationKind, at: Node): void {
    if (name && at.parent?.type === 'program') this.scan.declarations.push({ name, kind, line: line(at) });
  }

  private declare(node: Node): void {
    switch (node.type) {
      case 'class_definition':
      case 'enum_declaration':
      case 'mixin_declaration':
      case 'extension_type_declaration':
        this.declareClass(node);
        return;
      case 'extension_declaration': {
        const name = node.childForFieldName('name')?.text;
        this.declareName(name, 'extension', node, true);
        this.topLevel(name, 'extension', node);
        return;
      }
      case 'type_alias': {
        const name = this.typeAliasName(node);
        this.declareName(name, 'typedef', node, true);
        this.topLevel(name, 'typedef', node);
        return;
      }
      case 'function_signature':
      case 'getter_signature':
      case 'setter_signature': {
        const name = node.childForFieldName('name')?.text;
        this.declareName(name, 'function', node);
        this.topLevel(name, 'function', node);
        return;
      }
      case 'static_final_declaration_list':
      case 'initialized_identifier_list':
        for (const name of variableNames(node)) {
          this.declareName(name, 'variable', node);
          this.topLevel(name, 'variable', node);
        }
        return;
      case 'initialized_variable_definition':
      case 'for_loop_parts':
        this.declareName(node.childForFieldName('name')?.text, 'variable', node);
        return;
      case 'formal_parameter':
        this.declareName(parameterName(node), 'parameter', node);
        return;
      case 'type_parameter':
        this.declareName(childOfType(node, 'type_identifier')?.text, 'type parameter', node);
        return;
      case 'catch_parameters':
      case 'variable_pattern':
        for (const id of node.namedChildren) if (id.type === 'identifier') this.declareName(id.text, 'variable', id);
        return;
      case 'enum_constant':
        this.declareName(node.childForFieldName('name')?.text, 'enum value', node);
        return;
      default:
    }
  }

  private typeAliasName(node: Node): string | undefined {
    const kids = node.children;
    const equals = kids.findIndex((n) => n.type === '=');
    if (equals >= 0) return kids.slice(0, equals).find((n) => n.type === 'type_identifier')?.text;
    // Old style `typedef void Name(…)`: the name is the type_identifier before the parameters.
    const params = kids.findIndex((n) => n.type === 'formal_parameter_list' || n.type === 'type_parameters');
    const before = kids.slice(0, params < 0 ? kids.length : params).filter((n) => n.type === 'type_identifier');
    return before[before.length - 1]?.text;
  }

  private declareClass(node: Node): void {
    const nameNode =
      node.childForFieldName('name') ?? node.children.find((n) => n.type === 'identifier' || n.type === 'ERROR');
    const name = nameNode?.type === 'identifier' ? nameNode.text : undefined;
    const kind =
      node.type === 'enum_declaration'
        ? 'enum'
        : node.type === 'mixin_declaration'
          ? 'mixin'
          : node.type === 'extension_type_declaration'
            ? 'extension_type'
            : 'class';
    this.declareName(name, kind === 'extension_type' ? 'extension type' : kind, node, true);
    if (!name) return;
    this.topLevel(name, kind, node);
    const body =
      node.childForFieldName('body') ?? node.children.find((n) => n.type === 'class_body' || n.type === 'enum_body');
    const constructors: ConstructorDeclaration[] = [];
    for (const member of body?.namedChildren ?? []) {
      for (const part of member.namedChildren) {
        if (CONSTRUCTOR_SIGNATURES.has(part.type) && childOfType(part, 'identifier')?.text === name) {
          constructors.push(constructorOf(part));
        }
      }
    }
    const isMixinApplication = node.children.some((n) => n.type === '=');
    this.scan.classes.push({
      name,
      kind,
      line: line(node),
      superclass: superclassName(node),
      constructors,
      constructorsKnown: kind === 'class' && !isMixinApplication,
    });
  }

  // ---- calls and chains -------------------------------------------------

  private recordCreation(node: Node): void {
    if (this.errorDepth > 0) return;
    const names = node.children.filter((n) => n.type === 'type_identifier' || n.type === 'identifier');
    if (names.length > 0 && this.prefixes.has(names[0].text)) names.shift();
    if (names.length === 0 || !isCapitalised(names[0].text)) return;
    const ctor = names[1]?.text ?? '';
    this.scan.calls.push({
      className: names[0].text,
      constructorName: ctor === 'new' ? '' : ctor,
      line: line(node),
      ...countArguments(argumentsOf(node)),
      isConst: node.type === 'const_object_expression' || this.constDepth > 0,
    });
  }

  private readChain(kids: readonly Node[], index: number): void {
    let end = index + 1;
    while (kids[end]?.type === 'selector') end++;
    const head = kids[index];
    let name = head.text;
    let segs = segments(kids.slice(index + 1, end));
    if (this.prefixes.has(name) && segs[0]?.kind === 'member') {
      name = segs[0].name;
      segs = segs.slice(1);
    }
    this.noteTestAction(name, segs);
    const members = segs.flatMap((s) => (s.kind === 'member' ? [s.name] : []));
    if (members.length > 0) this.scan.memberPaths.push({ path: [name, ...members], line: line(head) });
    if (!isCapitalised(name)) return;
    const first = segs[0];
    const second = segs[1];
    let call: { ctor: string; node: Node } | undefined;
    if (first?.kind === 'call') call = { ctor: '', node: first.node };
    else if (first?.kind === 'member' && !first.nullAware && second?.kind === 'call') {
      call = { ctor: first.name === 'new' ? '' : first.name, node: second.node };
    }
    if (!call) return;
    this.scan.calls.push({
      className: name,
      constructorName: call.ctor,
      line: line(head),
      ...countArguments(argumentsOf(call.node)),
      isConst: this.constDepth > 0,
    });
  }

  private noteTestAction(head: string, segs: readonly Segment[]): void {
    if (this.scan.hasTestAction) return;
    for (let k = 1; k < segs.length; k++) {
      const member = segs[k - 1];
      if (segs[k].kind !== 'call' || member.kind !== 'member') continue;
      if (TEST_ACTION_METHODS.has(member.name)) {
        this.scan.hasTestAction = true;
        return;
      }
      if (NON_ACTION_METHODS.has(member.name)) continue;
      const viaState = segs.slice(0, k - 1).some((s) => s.kind === 'member' && s.name === 'state');
      if (viaState || (head !== 'tester' && STATE_RECEIVER.test(head))) {
        this.scan.hasTestAction = true;
        return;
      }
    }
  }

  // ---- const contexts ---------------------------------------------------

  private startsConstContext(node: Node): boolean {
    switch (node.type) {
      case 'const_object_expression':
        return true;
      case 'list_literal':
      case 'set_or_map_literal':
      case 'record_literal':
      case 'initialized_variable_definition':
        return node.children.some((n) => n.type === 'const_builtin');
      case 'static_final_declaration_list': {
        const parent = node.parent;
        if (!parent) return false;
        if (parent.type === 'declaration') return parent.children.some((n) => n.type === 'const_builtin');
        const siblings = parent.children;
        return declaredConstBefore(
          siblings,
          siblings.findIndex((n) => n.id === node.id),
        );
      }
      default:
        return false;
    }
  }

  private checkConstContext(node: Node): void {
    this.problems = [];
    if (node.type === 'const_object_expression') {
      this.evalArguments(argumentsOf(node));
    } else if (node.type === 'initialized_variable_definition') {
      this.evalSequence(this.afterEquals(node.children));
    } else if (node.type === 'static_final_declaration_list') {
      for (const item of node.namedChildren) this.evalSequence(this.afterEquals(item.children));
    } else {
      this.evalSequence(node.children);
    }
    const label = short(node.text.split('(')[0]);
    const seen = new Set<number>();
    for (const problem of this.problems.slice(0, 3)) {
      if (seen.has(problem.line)) continue;
      seen.add(problem.line);
      this.scan.constProblems.push({
        line: problem.line,
        message: `${problem.message}, but it is inside the const context "${label}" (line ${line(node)}): remove that const or use constant values`,
      });
    }
  }

  private afterEquals(nodes: readonly Node[]): Node[] {
    const equals = nodes.findIndex((n) => n.type === '=');
    return equals < 0 ? [] : nodes.slice(equals + 1);
  }

  private problem(node: Node, text: string, why: string): void {
    this.problems.push({ line: line(node), message: `"${short(text)}" ${why}` });
  }

  private evalArguments(args: Node | undefined): void {
    for (const arg of args?.namedChildren ?? []) {
      if (arg.type === 'argument' || arg.type === 'named_argument') this.evalSequence(arg.children);
    }
  }

  private evalSequence(nodes: readonly Node[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!node.isNamed || CONST_NEUTRAL.has(node.type)) continue;
      switch (node.type) {
        case 'identifier':
        case 'this':
        case 'super': {
          let end = i + 1;
          while (nodes[end]?.type === 'selector' || nodes[end]?.type === 'unconditional_assignable_selector') end++;
          this.evalChain(node, nodes.slice(i + 1, end));
          i = end - 1;
          break;
        }
        case 'identifier_dollar_escaped':
          this.evalChain(node, []);
          break;
        case 'string_literal':
          for (const part of node.namedChildren) {
            if (part.type === 'template_substitution') this.evalSequence(part.children);
          }
          break;
        case 'const_object_expression':
          this.evalArguments(argumentsOf(node));
          break;
        case 'new_expression':
          this.problem(node, node.text, 'creates a new (non-constant) object');
          break;
        case 'function_expression':
          this.problem(node, node.text, 'is a function literal, which is not constant');
          break;
        case 'cascade_section':
          this.problem(node, node.text, 'is a cascade, which is not constant');
          break;
        default:
          if (node.type.endsWith('_literal') && node.childCount === 0) break;
          this.evalSequence(node.children);
      }
    }
  }

  private evalChain(head: Node, selectors: readonly Node[]): void {
    const text = head.text + selectors.map((s) => s.text).join('');
    if (head.type === 'this' || head.type === 'super') {
      this.problem(head, text, 'is not a constant');
      return;
    }
    let name = head.text;
    let segs = segments(selectors);
    if (this.prefixes.has(name) && segs[0]?.kind === 'member') {
      name = segs[0].name;
      segs = segs.slice(1);
    }
    if (isCapitalised(name)) this.evalTypeChain(head, text, segs);
    else this.evalValueChain(head, name, text, segs);
  }

  /** `Foo(…)`, `Foo.named(…)`, `Foo.member`: constructor calls and static constants. */
  private evalTypeChain(head: Node, text: string, segs: readonly Segment[]): void {
    const [first, second] = segs;
    if (!first) return;
    if (first.kind === 'call') {
      this.evalArguments(argumentsOf(first.node));
      if (segs.length > 1) this.problem(head, text, 'reads a member of a new object, which is not constant');
      return;
    }
    if (first.kind !== 'member' || first.nullAware) {
      this.problem(head, text, 'is not a constant');
      return;
    }
    if (!second) return;
    if (second.kind === 'call') {
      if (first.name === 'of' || first.name === 'maybeOf') {
        this.problem(head, text, 'is a method call, which is not constant');
        return;
      }
      this.evalArguments(argumentsOf(second.node));
      if (segs.length > 2) this.problem(head, text, 'reads a member of a new object, which is not constant');
      return;
    }
    if (second.kind === 'member' && second.name === 'length' && segs.length === 2) return;
    this.problem(head, text, 'reads a property of an object, which is not constant');
  }

  /** `x`, `x.y`, `f(…)`: locals, fields, parameters and function calls. */
  private evalValueChain(head: Node, name: string, text: string, segs: readonly Segment[]): void {
    if (name === 'identical' && segs.length === 1 && segs[0].kind === 'call') {
      this.evalArguments(argumentsOf(segs[0].node));
      return;
    }
    if (segs.some((s) => s.kind === 'call')) {
      this.problem(head, text, 'is a method call, which is not constant');
      return;
    }
    if (name === 'widget') {
      this.problem(head, text, 'reads the widget, which is not constant');
      return;
    }
    if (lookupBinding(head, name) === 'nonconst') {
      this.problem(head, text, text === name ? 'is not a constant' : `uses "${name}", which is not a constant`);
    }
  }
}

/** Extracts the {@link FileScan} of a parsed Dart file (the tree must still be alive). */
export function scanDartFile(root: Node): FileScan {
  return new FileScanner(root).run();
}
