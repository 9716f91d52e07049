import { beforeAll, describe, expect, it } from 'vitest';
import * as commentRoute from '../../app/api/app/goals/[goalId]/comments/[commentId]/route.ts';
import * as mentionableRoute from '../../app/api/app/goals/[goalId]/comments/mentionable/route.ts';
import * as commentsRoute from '../../app/api/app/goals/[goalId]/comments/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { COMMENTS_PER_MINUTE, createComment, deleteComment, listComments, mentionableMembers, updateComment } from '../../lib/comments/comments.ts';
import { renderComment } from '../../lib/comments/render-comment.ts';
import { db } from '../../lib/db/client.ts';
import { archiveGoal } from '../../lib/goals/goal-status.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { addMilestone } from '../../lib/goals/milestones.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// Comments through the service and the routes on a real database: who reads and writes a
// thread (the goal's own rules, 404 when hidden), mentions only of people who can see the
// goal, the Markdown renderer against an XSS corpus, limits, and the events with their
// audience.

let a: TenantContext;
let b: TenantContext;
let admin: Member;
let lead: Member;
let ann: Member;
let bob: Member;
let viewer: Member;
let outsider: Member;
let stranger: Member;
let teamId: string;
let goalId: string;

async function named(tenant: TenantContext, role: Member['role'], name: string): Promise<Member> {
  const m = await memberIn(tenant, role);
  await db.user.update({ where: { id: m.userId }, data: { name } });
  return { ...m, name };
}

function eventsOf(type: string, commentId: string) {
  return db.domainEvent.findMany({ where: { tenantId: a.id, type, payload: { path: ['commentId'], equals: commentId } } });
}

beforeAll(async () => {
  a = await workspace();
  b = await workspace();
  admin = await named(a, 'admin', 'Ada Admin');
  lead = await named(a, 'member', 'Lee Lead');
  ann = await named(a, 'member', 'Ann Smith');
  bob = await named(a, 'member', 'Bob');
  viewer = await named(a, 'viewer', 'Vic Viewer');
  outsider = await named(a, 'member', 'Otto Outsider');
  stranger = await named(b, 'owner', 'Stan Stranger');
  teamId = (await createTeam(a, admin, { name: 'Coaches', leadUserId: lead.userId })).id;
  for (const m of [ann, bob, viewer]) await addTeamMember(a, lead, teamId, { userId: m.userId });
  goalId = (await createGoal(a, lead, { title: 'Launch the program', teamId })).id;
});

describe('reading and writing a thread', () => {
  it('posts a comment, lists it, and emits goal.commented with the goal audience and catalog payload', async () => {
    const comment = await createComment(a, ann, goalId, { body: 'First **update** for @Bob and @lee lead.' });
    expect(comment).toMatchObject({ goalId, milestoneId: null, authorId: ann.userId, authorName: 'Ann Smith', canEdit: true, canDelete: true, editedAt: null, deletedAt: null });
    expect(comment.body).toBe('First **update** for @Bob and @Lee Lead.');
    expect(comment.mentions).toEqual([
      { userId: bob.userId, name: 'Bob' },
      { userId: lead.userId, name: 'Lee Lead' },
    ]);
    expect(comment.html).toContain('<strong>update</strong>');
    expect(comment.html).toContain(`<span class="mention" data-user-id="${bob.userId}">@Bob</span>`);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.body).toBe(`First **update** for <@${bob.userId}> and <@${lead.userId}>.`);
    expect(stored.mentionIds).toEqual([bob.userId, lead.userId]);

    const [event] = await eventsOf('goal.commented', comment.id);
    expect(event.payload).toEqual({ goalId, milestoneId: null, commentId: comment.id, authorId: ann.userId, body: 'First **update** for @Bob and @Lee Lead.', mentionedUserIds: [bob.userId, lead.userId] });
    expect(event.actorId).toBe(ann.userId);
    expect({ audience: event.audience, team: event.audienceTeamId }).toEqual({ audience: 'team', team: teamId });

    const forBob = await listComments(a, bob, goalId);
    expect(forBob.comments.map((c) => c.id)).toContain(comment.id);
    expect(forBob.canComment).toBe(true);
    expect(forBob.comments.find((c) => c.id === comment.id)).toMatchObject({ canEdit: false, canDelete: false });
  });

  it('lets viewers read but not write, and admins read (the goal page rules)', async () => {
    const list = await listComments(a, viewer, goalId);
    expect(list.canComment).toBe(false);
    expect(list.comments.length).toBeGreaterThan(0);
    expect((await failure(createComment(a, viewer, goalId, { body: 'hi' }))).status).toBe(403);
    expect((await listComments(a, admin, goalId)).canComment).toBe(true);
  });

  it('answers 404 for a hidden goal: a team goal to a non-member, a personal goal to anyone else (admins too), another workspace', async () => {
    expect((await failure(listComments(a, outsider, goalId))).status).toBe(404);
    expect((await failure(createComment(a, outsider, goalId, { body: 'let me in' }))).status).toBe(404);
    const personal = await createGoal(a, ann, { title: 'Private run' });
    await createComment(a, ann, personal.id, { body: 'note to self' });
    for (const m of [admin, bob]) {
      expect((await failure(listComments(a, m, personal.id))).status).toBe(404);
      expect((await failure(createComment(a, m, personal.id, { body: 'peek' }))).status).toBe(404);
      expect((await failure(mentionableMembers(a, m, personal.id))).status).toBe(404);
    }
    expect((await failure(listComments(b, stranger, goalId))).status).toBe(404);
    expect((await failure(createComment(b, stranger, goalId, { body: 'x' }))).status).toBe(404);
    expect(await db.comment.count({ where: { goalId: personal.id } })).toBe(1);
  });

  it('comments on a milestone of the goal only', async () => {
    const goal = await addMilestone(a, lead, goalId, { title: 'Draft the plan' });
    const milestoneId = goal.milestoneList[0].id;
    const comment = await createComment(a, bob, goalId, { body: 'Plan drafted', milestoneId });
    expect(comment).toMatchObject({ milestoneId, milestoneTitle: 'Draft the plan' });
    expect((await listComments(a, bob, goalId, { milestoneId })).comments.map((c) => c.id)).toEqual([comment.id]);
    const other = await createGoal(a, lead, { title: 'Other', teamId });
    expect((await failure(createComment(a, bob, other.id, { body: 'wrong goal', milestoneId }))).status).toBe(404);
    const [event] = await eventsOf('goal.commented', comment.id);
    expect((event.payload as { milestoneId: string }).milestoneId).toBe(milestoneId);
  });

  it('refuses empty and too long bodies with 400, and accepts exactly 5,000 characters', async () => {
    for (const body of ['', '   \n  ']) {
      const error = await failure(createComment(a, bob, goalId, { body }));
      expect(error.status).toBe(400);
      expect(error.fields).toHaveProperty('body');
    }
    const tooLong = await failure(createComment(a, bob, goalId, { body: 'x'.repeat(5_001) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.fields).toHaveProperty('body');
    expect((await createComment(a, lead, goalId, { body: 'y'.repeat(5_000) })).body).toHaveLength(5_000);
    expect((await failure(createComment(a, bob, goalId, { nope: 1 }))).status).toBe(422);
    // The limit counts what readers see: a token (<@id>) counts as the "@Name" it shows.
    const withToken = await createComment(a, ann, goalId, { body: `<@${bob.userId}> ${'z'.repeat(5_000 - '@Bob '.length)}` });
    expect(withToken.body).toHaveLength(5_000);
    expect((await failure(createComment(a, ann, goalId, { body: `<@${bob.userId}> ${'z'.repeat(5_001 - '@Bob '.length)}` }))).status).toBe(400);
  });

  it('refuses comments on an archived goal (read-only) but still lists them', async () => {
    const goal = await createGoal(a, lead, { title: 'Old news', teamId });
    await createComment(a, lead, goal.id, { body: 'before' });
    await archiveGoal(a, lead, goal.id);
    expect((await failure(createComment(a, lead, goal.id, { body: 'after' }))).status).toBe(409);
    expect((await listComments(a, lead, goal.id)).comments).toHaveLength(1);
  });

  it('limits how fast one member posts', async () => {
    const chatty = await memberIn(a);
    const goal = await createGoal(a, chatty, { title: 'Chatty' });
    for (let i = 0; i < COMMENTS_PER_MINUTE; i++) await createComment(a, chatty, goal.id, { body: `n${i}` });
    expect((await failure(createComment(a, chatty, goal.id, { body: 'one too many' }))).status).toBe(429);
    expect(await db.comment.count({ where: { goalId: goal.id } })).toBe(COMMENTS_PER_MINUTE);
  });
});

describe('mentions', () => {
  it('stores only people who can see the goal; others stay plain text', async () => {
    const comment = await createComment(a, lead, goalId, { body: `@Otto Outsider and <@${outsider.userId}> and <@${stranger.userId}> and @Ann Smith` });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.mentionIds).toEqual([ann.userId]);
    expect(stored.body).toBe(`@Otto Outsider and @Otto Outsider and @unknown and <@${ann.userId}>`);
    expect(comment.html).not.toContain(outsider.userId);
    const [event] = await eventsOf('goal.commented', comment.id);
    expect((event.payload as { mentionedUserIds: string[] }).mentionedUserIds).toEqual([ann.userId]);
  });

  it('mentions admins (they see team goals) and nobody but the owner on a personal goal', async () => {
    const readers = await mentionableMembers(a, bob, goalId);
    expect(readers.map((r) => r.userId).sort()).toEqual(expect.arrayContaining([admin.userId, lead.userId, ann.userId, bob.userId, viewer.userId]));
    expect(readers.map((r) => r.userId)).not.toContain(outsider.userId);
    const personal = await createGoal(a, bob, { title: 'Mine' });
    expect((await mentionableMembers(a, bob, personal.id)).map((r) => r.userId)).toEqual([bob.userId]);
    const comment = await createComment(a, bob, personal.id, { body: '@Ada Admin look' });
    expect(comment.mentions).toEqual([]);
  });

  it('renders mentions with current names and ignores @ inside emails', async () => {
    const comment = await createComment(a, ann, goalId, { body: 'mail bob@Bob.example or ping @Bob' });
    expect(comment.mentions.map((m) => m.userId)).toEqual([bob.userId]);
    await db.user.update({ where: { id: bob.userId }, data: { name: 'Robert' } });
    try {
      const shown = (await listComments(a, ann, goalId)).comments.find((c) => c.id === comment.id);
      expect(shown?.body).toBe('mail bob@Bob.example or ping @Robert');
      expect(shown?.html).toContain('>@Robert</span>');
    } finally {
      await db.user.update({ where: { id: bob.userId }, data: { name: 'Bob' } });
    }
  });
});

describe('edit and delete', () => {
  it('lets the author edit (goal.comment_updated lists new mentions) and nobody else, admins included', async () => {
    const comment = await createComment(a, ann, goalId, { body: 'hello @Bob' });
    expect((await failure(updateComment(a, bob, goalId, comment.id, { body: 'hijack' }))).status).toBe(403);
    expect((await failure(updateComment(a, admin, goalId, comment.id, { body: 'hijack' }))).status).toBe(403);
    expect((await failure(updateComment(a, ann, goalId, comment.id, { body: ' ' }))).status).toBe(400);
    const edited = await updateComment(a, ann, goalId, comment.id, { body: 'hello @Bob and @Lee Lead' });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.mentions.map((m) => m.userId)).toEqual([bob.userId, lead.userId]);
    const [event] = await eventsOf('goal.comment_updated', comment.id);
    expect(event.payload).toMatchObject({ body: 'hello @Bob and @Lee Lead', mentionedUserIds: [bob.userId, lead.userId], newlyMentionedUserIds: [lead.userId] });
    expect(event.audienceTeamId).toBe(teamId);
    // another goal's id with this comment: not found
    const other = await createGoal(a, ann, { title: 'Elsewhere' });
    expect((await failure(updateComment(a, ann, other.id, comment.id, { body: 'moved' }))).status).toBe(404);
  });

  it('lets the author delete, keeping a placeholder without text; others cannot; admins can (audited)', async () => {
    const own = await createComment(a, bob, goalId, { body: 'oops @Ann Smith' });
    expect((await failure(deleteComment(a, ann, goalId, own.id))).status).toBe(403);
    expect((await failure(deleteComment(a, viewer, goalId, own.id))).status).toBe(403);
    const gone = await deleteComment(a, bob, goalId, own.id);
    expect(gone).toMatchObject({ body: '', html: '', mentions: [], canEdit: false, canDelete: false });
    expect(gone.deletedAt).not.toBeNull();
    const stored = await db.comment.findUniqueOrThrow({ where: { id: own.id } });
    expect({ body: stored.body, mentionIds: stored.mentionIds }).toEqual({ body: '', mentionIds: [] });
    expect((await failure(updateComment(a, bob, goalId, own.id, { body: 'back' }))).status).toBe(409);
    const [deleted] = await eventsOf('goal.comment_deleted', own.id);
    expect(deleted.payload).toEqual({ goalId, milestoneId: null, commentId: own.id, authorId: bob.userId, deletedById: bob.userId });
    expect((await listComments(a, ann, goalId)).comments.find((c) => c.id === own.id)?.deletedAt).not.toBeNull();

    const rude = await createComment(a, ann, goalId, { body: 'rude' });
    await deleteComment(a, admin, goalId, rude.id, '203.0.113.9');
    const audit = await db.auditLog.findFirst({ where: { tenantId: a.id, action: 'comment.deleted', targetId: rude.id } });
    expect(audit).toMatchObject({ actorId: admin.userId, ip: '203.0.113.9' });
    // deleting twice is harmless: one event
    await deleteComment(a, ann, goalId, rude.id);
    expect(await eventsOf('goal.comment_deleted', rude.id)).toHaveLength(1);
  });
});

describe('the Markdown renderer against an XSS corpus', () => {
  const corpus = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\nscript:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](vbscript:msgbox(1))',
    '[click](//evil.example/x)',
    '[click](/relative/path)',
    '![img](http://evil.example/track.png)',
    '![img](javascript:alert(1))',
    '<iframe src="http://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '[x](http://ok.example "onmouseover=alert(1)")',
    '[x](http://ok.example "\\" onmouseover=\\"alert(1)")',
    '<http://ok.example/"onmouseover="alert(1)>',
    '`<script>alert(1)</script>`',
    '```html\n<script>alert(1)</script>\n```',
    '<div\nonclick=alert(1)>x</div>',
    '<!-- <script>alert(1)</script> -->',
    '[x]: javascript:alert(1)\n\n[x]',
    '<@x" onmouseover="alert(1)>',
    'www.evil.example/"><script>alert(1)</script>',
  ];

  function assertInert(html: string): void {
    for (const [, tag, attributes] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      expect(['p', 'a', 'code', 'pre', 'span', 'em', 'strong', 'br', 'ul', 'ol', 'li', 'del', 'input', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr']).toContain(tag.toLowerCase());
      // Attribute values are always double-quoted, with no raw quote inside: parse them one by one.
      const parsed = [...attributes.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/gi)];
      expect(parsed.map((m) => m[0]).join('')).toBe(attributes.replace(/\s*\/$/, ''));
      for (const [, name, value] of parsed) {
        expect(['href', 'rel', 'title', 'class', 'data-user-id', 'type', 'disabled', 'checked', 'align']).toContain(name.toLowerCase());
        if (name.toLowerCase() === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i);
      }
      if (tag.toLowerCase() === 'a') expect(attributes).toContain('rel="nofollow noopener ugc"');
    }
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|div)\b/i);
  }

  it.each(corpus)('renders %j with no live HTML', (body) => {
    assertInert(renderComment(body, new Map([['x', 'X']])));
  });

  it('stores and serves the whole corpus inertly', async () => {
    const poster = await named(a, 'member', 'Pat Poster');
    await addTeamMember(a, lead, teamId, { userId: poster.userId });
    const comment = await createComment(a, poster, goalId, { body: corpus.join('\n\n') });
    assertInert(comment.html);
    const listed = (await listComments(a, ann, goalId)).comments.find((c) => c.id === comment.id);
    assertInert(listed?.html ?? '<script>');
    expect(listed?.html).toContain('&lt;script&gt;');
  });

  it('keeps safe links and marks them', async () => {
    const comment = await createComment(b, stranger, (await createGoal(b, stranger, { title: 'Links' })).id, { body: '[site](https://ok.example/a?b=1) and <mailto:x@ok.example>' });
    expect(comment.html).toContain('<a rel="nofollow noopener ugc" href="https://ok.example/a?b=1">site</a>');
    expect(comment.html).toContain('href="mailto:x@ok.example"');
  });
});

describe('the routes', () => {
  const cookies: Record<string, string> = {};
  const host = () => `${a.slug}.localhost:3100`;
  const on = (handler: RouteHandlerFn, who: string, call: Partial<AppCall>) => callRoute(handler, { tenantId: a.id, host: host(), path: '/', cookie: cookies[who], ...call });

  beforeAll(async () => {
    for (const [key, m] of Object.entries({ ann, bob, viewer, outsider })) cookies[key] = await sessionCookie(m.userId, a.id);
    cookies.stranger = await sessionCookie(stranger.userId, b.id);
  });

  it('posts, lists, edits and deletes through HTTP', async () => {
    const posted = await on(commentsRoute.POST as RouteHandlerFn, 'ann', { method: 'POST', params: { goalId }, json: { body: 'via http @Bob' } });
    expect(posted.status).toBe(201);
    const id = posted.body.id as string;
    const listed = await on(commentsRoute.GET as RouteHandlerFn, 'bob', { params: { goalId } });
    expect(listed.status).toBe(200);
    expect((listed.body.comments as { id: string }[]).some((c) => c.id === id)).toBe(true);
    expect((await on(commentRoute.PATCH as RouteHandlerFn, 'bob', { method: 'PATCH', params: { goalId, commentId: id }, json: { body: 'mine now' } })).status).toBe(403);
    const patched = await on(commentRoute.PATCH as RouteHandlerFn, 'ann', { method: 'PATCH', params: { goalId, commentId: id }, json: { body: 'edited' } });
    expect(patched.status).toBe(200);
    expect(patched.body.body).toBe('edited');
    const deleted = await on(commentRoute.DELETE as RouteHandlerFn, 'ann', { method: 'DELETE', params: { goalId, commentId: id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
  });

  it('answers 400 problem+json for an empty or too long body', async () => {
    for (const body of ['', 'z'.repeat(5_001)]) {
      const answer = await on(commentsRoute.POST as RouteHandlerFn, 'ann', { method: 'POST', params: { goalId }, json: { body } });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 404 to a non-member of the team and to another workspace; 403 to a viewer writing', async () => {
    expect((await on(commentsRoute.GET as RouteHandlerFn, 'outsider', { params: { goalId } })).status).toBe(404);
    expect((await on(mentionableRoute.GET as RouteHandlerFn, 'outsider', { params: { goalId } })).status).toBe(404);
    const cross = await callRoute(commentsRoute.GET as RouteHandlerFn, { tenantId: b.id, host: `${b.slug}.localhost:3100`, path: '/', cookie: cookies.stranger, params: { goalId } });
    expect(cross.status).toBe(404);
    expect((await on(commentsRoute.POST as RouteHandlerFn, 'viewer', { method: 'POST', params: { goalId }, json: { body: 'hi' } })).status).toBe(403);
    const mentionable = await on(mentionableRoute.GET as RouteHandlerFn, 'bob', { params: { goalId } });
    expect((mentionable.body.members as { userId: string }[]).map((m) => m.userId)).not.toContain(outsider.userId);
  });
});
