import fs from 'node:fs';
import path from 'node:path';
import { readMessages } from './messages';
import { isChildFacing } from './audience';
import { gradeOf } from './readability';
import { readabilityExceptions } from './readability-exceptions';

export type ReadabilityRow = {
	key: string;
	text: string;
	grade: number;
	exception: string | null;
};

/**
 * Flesch-Kincaid needs sentences. For a label of one to four words its grade comes from the
 * syllables of a single word ("Happy" scores 8.4, "Disagreements" 20): such labels are listed but
 * not scored, and are the one kind of exception that is not named key by key.
 */
export const shortestScored = 5;

/**
 * Every child-facing English message, with its grade. In easy read a key's easy wording is what
 * children see, so where one exists it is graded as well (as `easy:<key>`).
 */
export function readabilityReport(dir: string) {
	const english = readMessages(dir, 'en-GB');
	const easyDir = path.join(dir, 'easy');
	const easy = fs.existsSync(path.join(easyDir, 'en-GB.json'))
		? readMessages(easyDir, 'en-GB')
		: {};
	const rows: ReadabilityRow[] = [];
	const add = (key: string, text: string, label = key) => {
		const { grade, words } = gradeOf(text);
		if (words < shortestScored) return;
		rows.push({ key: label, text, grade, exception: readabilityExceptions[key] ?? null });
	};
	for (const [key, text] of Object.entries(english)) if (isChildFacing(key)) add(key, text);
	for (const [key, text] of Object.entries(easy)) add(key, text, `easy:${key}`);
	rows.sort((a, b) => b.grade - a.grade);
	const average = rows.reduce((sum, r) => sum + r.grade, 0) / rows.length;
	return {
		rows,
		average,
		tooHard: rows.filter((r) => r.grade > 6 && !r.exception),
		exceptions: rows.filter((r) => r.exception).length
	};
}
