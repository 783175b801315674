import { and, desc, eq, inArray, ne, isNull, or } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { clientOf, type Db } from '../db';
import { accessLog, type Role } from '../db/schema';
import { logPayload } from './log-chain';

export const logActions = [
	'sign-in',
	'sign-in-failed',
	'sign-out',
	'sign-in-code-created',
	/** Actor: the child's account; subject: whoever made the code. */
	'sign-in-code-used',
	/** The child typed their old passphrase: their "just me" things are back. */
	'private-unsealed',
	'two-factor-enrolled',
	'two-factor-failed',
	'two-factor-reset',
	'password-changed',
	'language-changed',
	'record-viewed',
	'profile-viewed',
	'profile-changed',
	/** A child's answer about sharing their information, and their asking to change one. */
	'consent-recorded',
	'consent-change-asked',
	/** The child let their advocate read what staff share with them again, or stopped it. */
	'advocate-sharing-started',
	'advocate-sharing-stopped',
	'account-created',
	'account-disabled',
	'account-enabled',
	'assignment-created',
	'assignment-ended',
	'assignment-approved',
	/** A child's account moved on to a care leaver's, with the day they left care. */
	'moved-to-care-leaver',
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
	'integration-api-read',
	'integrity-check-failed',
	'integrity-restored'
] as const;
export type LogAction = (typeof logActions)[number];

/** The kinds of row a child sees on "Who has looked at my record", when someone else did them. */
export const viewActions: readonly LogAction[] = [
	'record-viewed',
	'profile-viewed',
	'sign-in-code-created',
	// The case system copying the child's things into their file, by the token's name.
	'integration-api-read'
];

export type LogActor = {
	id: string;
	role: Role;
	displayName: string;
	postTitle: string | null;
};

export type LogEvent = {
	actor: LogActor | null;
	/** What acted when no person did: the case system's token, by its name. */
	system?: string;
	action: LogAction;
	childId?: string | null;
	subjectUserId?: string | null;
	address?: string | null;
};

const appendStatements = new WeakMap<Database.Database, Database.Statement>();

/** One statement reads the previous hash and appends, so two writers cannot chain to one row. */
function appendStatement(db: Db): Database.Statement {
	const client = clientOf(db);
	let statement = appendStatements.get(client);
	if (!statement) {
		statement = client.prepare(`
			INSERT INTO access_log (at, actor_user_id, actor_role, actor_name, actor_post_title, action,
				child_id, subject_user_id, address, prev_hash, hash)
			SELECT @at, @actor_user_id, @actor_role, @actor_name, @actor_post_title, @action, @child_id,
				@subject_user_id, @address, head.hash, waymark_log_hash(head.hash, @payload)
			FROM (SELECT (SELECT hash FROM access_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1)
				AS hash) head`);
		appendStatements.set(client, statement);
	}
	return statement;
}

/**
 * Appends one row, chained to the row before it (log-chain.ts). Never pass a password, code or
 * token here: there is no field for one.
 */
export function record(db: Db, event: LogEvent, now = new Date()): void {
	const row = {
		at: now.getTime(),
		actor_user_id: event.actor?.id ?? null,
		actor_role: event.actor?.role ?? null,
		actor_name: event.actor?.displayName ?? event.system ?? null,
		actor_post_title: event.actor?.postTitle ?? null,
		action: event.action,
		child_id: event.childId ?? null,
		subject_user_id: event.subjectUserId ?? null,
		address: event.address ?? null
	};
	appendStatement(db).run({ ...row, payload: logPayload(row) });
}

/**
 * Views of a child's record by anyone but the child, the sign-in codes made for them and every use
 * of one, newest first. Callers check access first.
 */
export function viewsOfChild(
	db: Db,
	childId: string,
	childUserId: string | null,
	limit = 200,
	offset = 0
) {
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
				or(
					and(
						inArray(accessLog.action, [...viewActions]),
						childUserId
							? or(isNull(accessLog.actorUserId), ne(accessLog.actorUserId, childUserId))
							: undefined
					),
					// Signed in as the child with a code: the child's own account did it, and they
					// must see it.
					eq(accessLog.action, 'sign-in-code-used')
				)
			)
		)
		.orderBy(desc(accessLog.at), desc(accessLog.id))
		.limit(limit)
		.offset(offset)
		.all();
}
