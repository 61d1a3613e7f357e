/** Facts that move between groups keep their ids (`was=`), nearby groups feed wrong options (`near=`), and groups of mixed answer kinds are reported. */
import { describe, expect, it } from 'vitest';
import { answerKind, kindsOfGroup, mixesKinds } from '../../src/core/answer-kinds.js';
import { parseNote } from '../../src/core/parse/note.js';
import { ask } from '../../src/core/questions/generate.js';
import { createRng } from '../../src/core/random.js';
import { groupKey } from '../../src/core/types.js';
import { validateDeck } from '../../src/core/validate.js';
import { deckOf, frontMatter } from '../helpers/notes.js';

const scenario = (key: string, situation: string, answer: string, extra = '') =>
  `- ? ${situation} => ${answer} // 상황 설명 ${key} => ${answer} {#${key}${extra}}\n`;

describe('was=: a moved fact keeps its id', () => {
  const note = `${frontMatter('gov')}## Directories {#directory-choice was=governance-choice}
${scenario('proxy', 'Authenticate against on-premises AD without a copy in AWS', 'AD Connector')}
${scenario('basic', 'A cheap basic directory with no on-premises AD', 'Simple AD', ' was=old-basics')}
## Policies {#policy-choice}
${scenario('region-lock', 'Stop every account of an OU from using other Regions', 'Service control policy (SCP)')}
`;
  const parsed = parseNote('01-gov.md', note);

  it('takes the id from the group named by was= on the heading, or on the fact', () => {
    const ids = parsed.note?.facts.map((f) => [f.id, f.groupId]);
    expect(ids).toEqual([
      ['gov.governance-choice.proxy', 'directory-choice'],
      ['gov.old-basics.basic', 'directory-choice'],
      ['gov.policy-choice.region-lock', 'policy-choice'],
    ]);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports two facts that would share an id through was=', () => {
    const clash = `${frontMatter('gov')}## A {#a}\n${scenario('x', 'One situation here', 'AD Connector')}## B {#b was=a}\n${scenario('x', 'Another situation', 'Simple AD')}`;
    expect(parseNote('01-gov.md', clash).diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('duplicate fact id "gov.a.x"'));
  });

  it('refuses a was= that is not a group id', () => {
    const bad = `${frontMatter('gov')}## A {#a was="two words"}\n${scenario('x', 'One situation here', 'AD Connector')}`;
    expect(parseNote('01-gov.md', bad).diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('must be a group id'));
  });
});

describe('near=: the next tier of wrong options', () => {
  const note = `${frontMatter('gov')}## Directories {#dirs near=access}
${scenario('proxy', 'Authenticate against on-premises AD without a copy in AWS', 'AD Connector')}${scenario('trust', 'A real AD domain in AWS that trusts the corporate one', 'AWS Managed Microsoft AD')}${scenario('basic', 'A cheap basic directory with no on-premises AD', 'Simple AD')}
## Access {#access}
${scenario('sso', 'Employees in Okta sign in once to many accounts', 'IAM Identity Center')}${scenario('pool', 'App users sign up and get JWTs', 'Cognito user pool')}
## Policies {#policies}
${scenario('tags', 'Every account spells the CostCenter tag key the same way', 'Tag policy')}${scenario('backup', 'One snapshot schedule for every account', 'Backup policy')}${scenario('scp', 'No account of an OU may use other Regions', 'Service control policy (SCP)')}
`;
  const deck = deckOf(['01-gov.md', note]);

  it('fills a small group from the named group before the rest of the topic', () => {
    const fact = deck.facts.find((f) => f.key === 'basic');
    if (!fact) throw new Error('no fact');
    for (let seed = 0; seed < 40; seed++) {
      const q = ask(deck, fact, { type: 'scenario' }, createRng(seed));
      const options = q?.options.map((o) => o.text.en) ?? [];
      expect(options).toHaveLength(4);
      expect(options.some((o) => o?.endsWith('policy') || o?.includes('(SCP)'))).toBe(false);
      expect(options.filter((o) => o === 'IAM Identity Center' || o === 'Cognito user pool')).toHaveLength(1);
    }
  });

  it('reports a near= that names no group of the note', () => {
    const bad = `${frontMatter('gov')}## A {#a near=nowhere}\n${scenario('x', 'One situation here', 'AD Connector')}`;
    expect(parseNote('01-gov.md', bad).diagnostics.map((d) => d.message)).toContainEqual('near="nowhere" names no group of this note');
  });
});

describe('kinds of answer', () => {
  it('reads the head noun, past a parenthesis and a trailing phrase', () => {
    expect(answerKind('Service control policy (SCP)')).toBe('policy');
    expect(answerKind('Cross-account IAM role with an external ID')).toBe('role');
    expect(answerKind('Cognito identity pool')).toBe('pool');
    expect(answerKind('AWS Managed Microsoft AD')).toBe('directory');
    expect(answerKind('AD Connector')).toBe('directory');
    expect(answerKind('AWS Control Tower')).toBe('name');
    expect(answerKind('Proactive control')).toBe('control');
  });

  it('counts a group as mixed only with three kinds and none holding half', () => {
    expect(
      mixesKinds([
        ['policy', 5],
        ['name', 4],
        ['directory', 3],
        ['pool', 2],
      ]),
    ).toBe(true);
    expect(
      mixesKinds([
        ['pool', 2],
        ['name', 1],
        ['role', 1],
      ]),
    ).toBe(false);
    expect(
      mixesKinds([
        ['name', 8],
        ['policy', 2],
      ]),
    ).toBe(false);
  });

  const mixed = `${frontMatter('gov')}## Choosing a service {#choice}
${scenario('scp', 'No account of an OU may use other Regions', 'Service control policy (SCP)')}${scenario('tags', 'Every account spells the CostCenter tag key the same way', 'Tag policy')}${scenario('proxy', 'Authenticate against on-premises AD without a copy in AWS', 'AD Connector')}${scenario('basic', 'A cheap basic directory with no on-premises AD', 'Simple AD')}${scenario('pool', 'App users sign up and get JWTs', 'Cognito user pool')}${scenario('ids', 'Mobile users upload to their own S3 prefix', 'Cognito identity pool')}${scenario('ram', 'Share subnets of a central VPC with other accounts', 'AWS RAM')}
`;

  it('notes check warns about a group that mixes kinds, and not once it is split', () => {
    const deck = deckOf(['01-gov.md', mixed]);
    const group = deck.groups.get(groupKey('gov', 'choice'));
    if (!group) throw new Error('no group');
    expect(kindsOfGroup(deck, group)).toEqual([
      ['policy', 2],
      ['directory', 2],
      ['pool', 2],
      ['name', 1],
    ]);
    expect(validateDeck(deck, { quality: true }).map((d) => d.message)).toContainEqual(
      "group #choice mixes kinds of answer (2 policy, 2 directory, 2 pool, 1 name); split it so each group's answers are of one kind",
    );
    const split = mixed
      .replace(
        `${scenario('proxy', 'Authenticate against on-premises AD without a copy in AWS', 'AD Connector')}`,
        `## Directories {#dirs was=choice}\n${scenario('proxy', 'Authenticate against on-premises AD without a copy in AWS', 'AD Connector')}`,
      )
      .replace(
        `${scenario('pool', 'App users sign up and get JWTs', 'Cognito user pool')}`,
        `## Pools {#pools was=choice}\n${scenario('pool', 'App users sign up and get JWTs', 'Cognito user pool')}`,
      );
    expect(validateDeck(deckOf(['01-gov.md', split]), { quality: true }).filter((d) => d.message.includes('mixes kinds'))).toEqual([]);
  });
});
