import type { i18n } from 'i18next';
import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actor, PermissionCache } from '$lib/server/access';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Error {
			/** An i18next key under `error.`, never text from an exception. */
			message: string;
			id?: string;
		}
		interface Locals {
			/** The signed-in person, even when a second factor or new passphrase is still due. */
			user: SessionUser | null;
			session: Session | null;
			/** Set only once sign-in is complete: what the access policy is asked about. */
			actor: Actor | null;
			/** This request's answers from the access policy, by child (see web/permissions.ts). */
			permissions: PermissionCache;
			locale: Locale;
			/** Easy read: bigger words, simpler sentences, fewer choices (a cookie on this device). */
			easyRead: boolean;
			i18n: i18n;
			address: string;
		}
		interface PageData {
			locale?: Locale;
		}
	}
}

export {};
