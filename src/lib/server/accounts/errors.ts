/** The one error type of the accounts domain; `key` is an i18next key for the person. */
export class AccountError extends Error {
	constructor(
		public readonly key: string,
		public readonly field?: string
	) {
		super(key);
	}
}
