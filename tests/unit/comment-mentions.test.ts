import { describe, expect, it } from 'vitest';
import { activeMention, matchMembers } from '../../components/comments/mention-textarea.tsx';
import { withMentionTokens } from '../../components/comments/comment-requests.ts';
import { mentionsAsText, resolveMentions } from '../../lib/comments/mentions.ts';

const sam = { userId: 'u_sam', name: 'Sam' };
const samLee = { userId: 'u_samlee', name: 'Sam Lee' };
const ana = { userId: 'u_ana', name: 'Ana Ávila' };
const readers = [sam, samLee, ana];

describe('resolveMentions', () => {
  it('prefers the longest name, is case-insensitive, and lists each id once in order', () => {
    expect(resolveMentions('@sam lee and @Sam, again @SAM.', readers)).toEqual({ body: '<@u_samlee> and <@u_sam>, again <@u_sam>.', mentionIds: ['u_samlee', 'u_sam'] });
  });

  it('needs a boundary on both sides: emails and longer words are not mentions', () => {
    expect(resolveMentions('mail x@Sam.example, @Samantha, @Sam_x', readers).mentionIds).toEqual([]);
    expect(resolveMentions('(@Ana Ávila)', readers)).toEqual({ body: '(<@u_ana>)', mentionIds: ['u_ana'] });
  });

  it("keeps readers' tokens and spells out anyone else's", () => {
    const others = new Map([['u_out', 'Otto']]);
    expect(resolveMentions('<@u_sam> <@u_out> <@u_nobody>', readers, others)).toEqual({ body: '<@u_sam> @Otto @unknown', mentionIds: ['u_sam'] });
  });

  it('round-trips through text and the browser tokens', () => {
    const names = new Map(readers.map((r) => [r.userId, r.name]));
    const { body } = resolveMentions('hi @Sam Lee and @Ana Ávila', readers);
    expect(mentionsAsText(body, names)).toBe('hi @Sam Lee and @Ana Ávila');
    expect(mentionsAsText('<@gone>', names)).toBe('@former member');
    expect(withMentionTokens('hi @Sam Lee and @Sam and a@Sam', [sam, samLee])).toBe('hi <@u_samlee> and <@u_sam> and a@Sam');
  });
});

describe('the autocomplete', () => {
  it('finds the "@…" before the caret only at a word start and on one line', () => {
    expect(activeMention('hello @sa', 9)).toEqual({ at: 6, query: 'sa' });
    expect(activeMention('hello @', 7)).toEqual({ at: 6, query: '' });
    expect(activeMention('mail x@sa', 9)).toBeNull();
    expect(activeMention('@sa\nmore', 8)).toBeNull();
    expect(activeMention('@ sam', 5)).toBeNull();
  });

  it('matches names by their start or any word', () => {
    expect(matchMembers(readers, 'le').map((m) => m.userId)).toEqual(['u_samlee']);
    expect(matchMembers(readers, 'sa').map((m) => m.userId)).toEqual(['u_sam', 'u_samlee']);
    expect(matchMembers(readers, '').length).toBe(3);
  });
});
