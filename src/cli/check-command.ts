/**
 * `check [--json] [--release classic|iosxe-17.11] A.cfg B.cfg`: will these two routers agree?
 * A initiates, B responds. One file holding two routers (`hostname` or prompts) may be given alone.
 */
import { readFile } from 'node:fs/promises';
import { checkable, checkCompatibility, type CompatibilityResult } from '../core/config/compatibility.ts';
import { releaseNames, type IosRelease } from '../core/config/defaults.ts';
import { describePolicy, effectiveConfig } from '../core/config/effective.ts';
import type { EffectiveConfig } from '../core/config/model.ts';
import { parseConfig, type ParsedConfig } from '../core/config/parse.ts';
import type { Command, CommandIo } from './command.ts';

export const CHECK_SCHEMA = 'ikescope.check/1';

const usage = `Usage: npm run -s cli -- check [--json] [--release classic|iosxe-17.11] [--routers A,B] A.cfg B.cfg
       npm run -s cli -- check [--json] [--routers A,B] BOTH.cfg     (one paste holding both routers)
A initiates, B responds. '-' reads one file from stdin. --routers picks routers by hostname or prompt
in pastes that hold several (default: the first one named, or the first two of a single file).
`;

class InputError extends Error {}

interface Input {
  name: string;
  text: string;
  parsed: ParsedConfig;
}

async function readInput(path: string, io: CommandIo): Promise<Input> {
  let text: string;
  if (path === '-') text = await io.readStdin();
  else {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot be read (${code ?? 'error'})`);
    }
    if (bytes.includes(0)) throw new InputError(`${path}: not a text file (it contains NUL bytes); give the router configuration as text`);
    text = bytes.toString('utf8');
  }
  const parsed = parseConfig(text);
  if (!parsed.statements.some((s) => s.kind !== 'exit' && s.kind !== 'hostname')) {
    throw new InputError(`${path}: no IOS crypto configuration found (expected lines such as 'crypto isakmp policy 10' or 'crypto ikev2 profile NAME')`);
  }
  return { name: path === '-' ? '<stdin>' : path, text, parsed };
}

interface Options {
  json: boolean;
  release: IosRelease;
  files: string[];
  /** Router names for A and B; null picks the default. */
  routers: [string | null, string | null];
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { json: false, release: 'classic', files: [], routers: [null, null] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--release' || arg.startsWith('--release=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value !== 'classic' && value !== 'iosxe-17.11') return `unknown release '${value ?? ''}' (classic or iosxe-17.11)`;
      options.release = value;
    } else if (arg === '--routers' || arg.startsWith('--routers=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const names = (value ?? '').split(',');
      if (names.length !== 2) return "--routers takes two names separated by a comma (e.g. --routers R2,R3; leave one empty for the default)";
      options.routers = [names[0] || null, names[1] || null];
    } else if (arg === '-h' || arg === '--help') return '';
    else if (arg.startsWith('--')) return `unknown option '${arg}'`;
    else options.files.push(arg);
  }
  if (options.files.length < 1 || options.files.length > 2) return 'give two config files (A initiates, B responds), or one holding both routers';
  return options;
}

interface Sides {
  a: EffectiveConfig;
  b: EffectiveConfig;
  inputs: Input[];
  /** Index into `inputs` of each side's file. */
  fileOf: [number, number];
}

function pick(input: Input, name: string | null, fallback: string | null): string | null {
  if (name === null) return fallback;
  if (!input.parsed.routers.includes(name)) {
    const named = input.parsed.routers.length > 0 ? input.parsed.routers.join(', ') : 'none';
    throw new InputError(`${input.name}: no router '${name}' (routers named in it: ${named})`);
  }
  return name;
}

function sides(inputs: Input[], options: Options): Sides {
  const { release } = options;
  const [nameA, nameB] = options.routers;
  const [first, second] = inputs;
  if (!first) throw new InputError('no input');
  if (!second) {
    const others = first.parsed.routers;
    const ra = pick(first, nameA, others.find((r) => r !== nameB) ?? null);
    const rb = pick(first, nameB, others.find((r) => r !== ra) ?? null);
    if (ra === null || rb === null) throw new InputError(`${first.name}: names ${others.length} router(s); give two files, one per router`);
    return { a: effectiveConfig(first.parsed, { router: ra, release }), b: effectiveConfig(first.parsed, { router: rb, release }), inputs, fileOf: [0, 0] };
  }
  return {
    a: effectiveConfig(first.parsed, { router: pick(first, nameA, first.parsed.routers[0] ?? null), release }),
    b: effectiveConfig(second.parsed, { router: pick(second, nameB, second.parsed.routers[0] ?? null), release }),
    inputs,
    fileOf: [0, 1],
  };
}

/**
 * An ASA's config shares command names with IOS's but not their meaning (its `crypto ikev2 policy` holds the
 * algorithms, its keys are a tunnel group's): read as IOS it would give a verdict on lines it did not understand.
 */
function refuseAsa(s: Sides): void {
  if (checkable(s.a, s.b)) return;
  for (const [i, cfg] of [s.a, s.b].entries()) {
    const asa = cfg.securityAppliance;
    if (asa === null) continue;
    const name = s.inputs[s.fileOf[i as 0 | 1]]?.name ?? '?';
    throw new InputError(
      `${name}${cfg.router ? ` (${cfg.router})` : ''} is a Cisco ASA's configuration (line ${asa.line}: ${asa.command}): check reads IOS and IOS-XE crypto configurations only, not the ASA's IKEv2 policies, IPsec proposals and tunnel groups, so it predicts nothing for this pair`,
    );
  }
}

function report(result: CompatibilityResult, s: Sides, release: IosRelease): string {
  const name = (i: 0 | 1) => {
    const cfg = i === 0 ? s.a : s.b;
    const file = s.inputs[s.fileOf[i]]?.name ?? '?';
    return cfg.router ? `${file} (${cfg.router})` : file;
  };
  const out: string[] = [];
  out.push(`ikescope check: ${name(0)} initiates, ${name(1)} responds`);
  out.push(`Assuming ${releaseNames[release]} (--release to change).`);
  const ts = result.agreedTransformSet;
  const sets = ts ? ` (transform set ${ts.initiator} with ${ts.responder})` : '';
  if (result.ikeVersion === 2) {
    const proposal = result.agreedProposal;
    out.push('IKEv2 (the IPsec profile or crypto map entry A uses for B names an IKEv2 profile).');
    const init = proposal ? `${result.phase1 === 'agree' ? '' : 'IKE_SA_INIT agrees on '}proposal ${proposal.initiator} with ${proposal.responder}: ${proposal.algorithms}` : '';
    out.push(`IKE SA: ${result.phase1}${init ? ` (${init})` : ''}`);
    out.push(`Child SA: ${result.phase2}${sets}`);
    out.push(`Fails at: ${result.failsAt ?? 'nothing, the IKE SA and its child SA should come up'}`);
  } else {
    const policy = result.agreedPolicy;
    const agreed = policy ? s.a.policies.find((p) => p.priority === policy.initiator) : undefined;
    out.push(`Phase 1: ${result.phase1}${policy && agreed ? ` (policy ${policy.initiator} with policy ${policy.responder}: ${describePolicy(agreed)})` : ''}`);
    out.push(`Phase 2: ${result.phase2}${sets}`);
    out.push(`Fails at: ${result.failsAt ?? 'nothing, both phases should complete'}`);
  }
  if (result.findings.length === 0) out.push('', 'No findings.');
  for (const f of result.findings) {
    out.push('', `${f.severity.toUpperCase()} ${f.code}${f.message ? ` at ${f.message}` : ''}: ${f.summary}`, `  fix: ${f.fix}`);
    for (const l of f.lines) {
      const input = s.inputs[l.file];
      const raw = input?.parsed.lines[l.line - 1]?.raw.trim() ?? '';
      out.push(`  ${input?.name ?? l.file}:${l.line}  ${raw}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Runs the check command; exit 0 whatever the verdict, 1 on unreadable input, 2 on a usage error. */
export const run: Command = async (args, io) => {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options !== '') io.err(`ikescope check: ${options}\n`);
    (options === '' ? io.out : io.err)(usage);
    return options === '' ? 0 : 2;
  }
  let s: Sides;
  try {
    const inputs: Input[] = [];
    for (const file of options.files) inputs.push(await readInput(file, io));
    s = sides(inputs, options);
    refuseAsa(s);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`ikescope check: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const input of s.inputs) {
    const named = input.parsed.routers;
    const chosen = [s.a.router, s.b.router].filter((r) => r !== null && named.includes(r));
    if (named.length > (s.inputs.length === 1 ? 2 : 1) && options.routers.every((r) => r === null)) {
      io.err(`ikescope check: ${input.name} names ${named.length} routers (${named.join(', ')}); using ${chosen.join(' and ')} (--routers A,B to choose)\n`);
    }
  }
  const result = checkCompatibility(s.a, s.b, { files: s.fileOf });
  if (options.json) {
    const json = {
      schema: CHECK_SCHEMA,
      ikeVersion: result.ikeVersion,
      phase1: result.phase1,
      phase2: result.phase2,
      failsAt: result.failsAt,
      findings: result.findings,
      input: {
        files: s.inputs.map((i) => i.name),
        routers: [s.a.router, s.b.router],
        release: options.release,
      },
      agreedPolicy: result.agreedPolicy,
      ...(result.ikeVersion === 2 ? { agreedProposal: result.agreedProposal } : {}),
      agreedTransformSet: result.agreedTransformSet,
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.out(report(result, s, options.release));
  }
  return 0;
};
