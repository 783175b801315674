import { and, desc, eq, inArray, ne, isNull, or } from 'drizzle-orm';
import type { Db } from '../db';
import { accessLog, type Role } from '../db/schema';

export const logActions = [
	'sign-in',
	'sign-in-failed',
	'sign-out',
	'sign-in-code-created',
	'two-factor-enrolled',
	'two-factor-failed',
	'two-factor-reset',
	'password-changed',
	'language-changed',
	'record-viewed',
	'profile-viewed',
	'profile-changed',
	'account-created',
	'account-disabled',
	'account-enabled',
	'assignment-created',
	'assignment-ended',
	'assignment-approved',
	'unit-created',
	'entry-draft-saved',
	'entry-draft-discarded',
	'entry-finalised',
	'confidential-released',
	'help-asked',
	'view-answered',
	'record-exported',
	'disagreement-sent',
	'disagreement-step',
	'case-record-linked',
	'integration-token-created',
	'integration-token-revoked',
	'integration-api-read'
] as const;
export type LogAction = (typeof logActions)[number];

/** The kinds of row a child sees on "Who has looked at my record". */
export const viewActions: readonly LogAction[] = ['record-viewed', 'profile-viewed'];

export type LogActor = {
	id: string;
	role: Role;
	displayName: string;
	postTitle: string | null;
};

export type LogEvent = {
	actor: LogActor | null;
	action: LogAction;
	childId?: string | null;
	subjectUserId?: string | null;
	address?: string | null;
};

/** Appends one row. Never pass a password, code or token here: there is no field for one. */
export function record(db: Db, event: LogEvent, now = new Date()): void {
	db.insert(accessLog)
		.values({
			at: now,
			actorUserId: event.actor?.id ?? null,
			actorRole: event.actor?.role ?? null,
			actorName: event.actor?.displayName ?? null,
			actorPostTitle: event.actor?.postTitle ?? null,
			action: event.action,
			childId: event.childId ?? null,
			subjectUserId: event.subjectUserId ?? null,
			address: event.address ?? null
		})
		.run();
}

/** Views of a child's record by anyone but the child, newest first. Callers check access first. */
export function viewsOfChild(db: Db, childId: string, childUserId: string | null, limit = 200) {
	return db
		.select({
			at: accessLog.at,
			name: accessLog.actorName,
			role: accessLog.actorRole,
			postTitle: accessLog.actorPostTitle,
			action: accessLog.action
		})
		.from(accessLog)
		.where(
			and(
				eq(accessLog.childId, childId),
				inArray(accessLog.action, [...viewActions]),
				childUserId
					? or(isNull(accessLog.actorUserId), ne(accessLog.actorUserId, childUserId))
					: undefined
			)
		)
		.orderBy(desc(accessLog.at), desc(accessLog.id))
		.limit(limit)
		.all();
}
