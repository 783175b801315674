import type { Actor } from '../../access';
import { allows } from '../../access';
import { isChildRole } from '../../access/roles';
import type { Role } from '../../db/schema';
import { calmModeOf } from '../../space/calm';

/** `more`: left out of the menu in easy read, where fewer choices help (reachable from pages). */
export type NavItem = { href: string; label: string; more?: boolean };

/** Each role's home. Sections that are not built yet are not listed anywhere. */
export function homeFor(actor: Actor): string {
	if (isChildRole(actor.role)) return '/me';
	if (allows(actor, 'viewUnit')) return '/unit';
	if (allows(actor, 'listChildren')) return '/children';
	return '/accounts';
}

export function navFor(actor: Actor | null): NavItem[] {
	if (!actor) return [];
	const items: NavItem[] = [{ href: homeFor(actor), label: 'nav.home' }];
	if (isChildRole(actor.role)) {
		items.push(
			{ href: '/me/story', label: 'nav.myStory' },
			{ href: '/me/views', label: 'nav.myViews' },
			{ href: '/me/record', label: 'nav.myRecord' },
			{ href: '/me/disagreements', label: 'nav.myDisagreements', more: true },
			{ href: '/me/who-looked', label: 'nav.whoLooked', more: true },
			{ href: '/help', label: 'nav.help' }
		);
	}
	// A worker's home is their children; a manager's is their home or team, and this besides.
	if (allows(actor, 'listChildren')) items.push({ href: '/children', label: 'nav.children' });
	if (allows(actor, 'viewInbox')) items.push({ href: '/inbox', label: 'nav.inbox' });
	if (allows(actor, 'viewDisagreements')) {
		items.push({ href: '/disagreements', label: 'nav.disagreements' });
	}
	if (allows(actor, 'reviewConfidential')) {
		items.push({ href: '/confidential', label: 'nav.confidential' });
	}
	if (allows(actor, 'listAccounts')) items.push({ href: '/accounts', label: 'nav.accounts' });
	if (allows(actor, 'manageUnits')) items.push({ href: '/admin/units', label: 'nav.units' });
	if (allows(actor, 'manageIntegrations')) {
		items.push({ href: '/admin/integrations', label: 'nav.integrations' });
	}
	// An administrator's home is the accounts list: list it once.
	return items.filter((item, i) => items.findIndex((other) => other.href === item.href) === i);
}

/**
 * "I need to talk to someone" and "I don't feel safe": at the top of every page a child or care
 * leaver sees, under the header, so that help is one tap away without scrolling.
 */
export function offersHelpNow(actor: Actor | null): boolean {
	return !!actor && isChildRole(actor.role);
}

/** "Take a break", one tap away on every page, for a care leaver or child in calm mode. */
export function offersBreak(
	actor: Actor | null,
	person: { role: Role; calmMode: boolean | null } | null
): boolean {
	return !!actor && !!person && isChildRole(actor.role) && calmModeOf(person);
}

/** Changing a password or passphrase: in the footer, out of the way of everyday use. */
export function accountLinkFor(actor: Actor | null): NavItem | null {
	if (!actor) return null;
	return {
		href: '/account/password',
		label: isChildRole(actor.role) ? 'nav.passphrase' : 'nav.password'
	};
}
